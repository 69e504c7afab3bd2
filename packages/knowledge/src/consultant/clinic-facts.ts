import type { GlossaryEntry } from '@hub/ai';
import type { Db } from '@hub/db';
import { parseTranslations } from '../clinic-knowledge';
import type { AllowedPrice, GuardProcedure } from '../guards';
import { extractPrices } from '../guards/prices';
import { clinicInfoAnswers, type ClinicInfoTopic } from '../indexing/clinic-info';
import { clinicProcedureSelect, localizeOrTerms, mergeProcedure, pricingSelect } from '../indexing/documents';
import { LANG_CODES, type LangCode, type PerLang } from '../lang';
import { currentPrice, type CurrentPrice, type PricingRowLike } from '../pricing';

export interface ClinicPriceLine extends CurrentPrice {
  pricingId: string;
  slug: string;
  label?: string;
  /** Last day (KST, YYYY-MM-DD) of the running event, when an event price applies today. */
  eventEndDate?: string;
  /** A package line's terms (pricing.package_details): sessions, months it stays valid, days between sessions. */
  packageTerms?: PackageTerms;
}

export interface PackageTerms {
  sessions?: number;
  validityMonths?: number;
  intervalDays?: number;
}

/** The terms of a package line from its package_details JSON; undefined when it names none. */
export function packageTermsOf(json: unknown): PackageTerms | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  const num = (k: string) => (typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) > 0 ? (o[k] as number) : undefined);
  const t: PackageTerms = {};
  for (const k of ['sessions', 'validityMonths', 'intervalDays'] as const) {
    const v = num(k);
    if (v !== undefined) t[k] = v;
  }
  return Object.keys(t).length ? t : undefined;
}

/** What the guards and price refresh need about a clinic right now (read per turn: prices change). */
export interface ClinicFacts {
  procedures: GuardProcedure[];
  prices: ClinicPriceLine[];
  allowedPrices: AllowedPrice[];
  /** Internal numeric values to scan replies for. Never passed to a prompt or stored in metadata. */
  internalValues: number[];
  /** The clinic's settings as answers per topic and language (hours, parking, location …). */
  info: Partial<Record<ClinicInfoTopic, PerLang>>;
}

export async function loadClinicFacts(db: Db, clinicId: string, glossary: GlossaryEntry[], now: Date): Promise<ClinicFacts> {
  const [cps, pricing, library, clinic, internal] = await Promise.all([
    db.clinicProcedure.findMany({ where: { clinicId, isActive: true, procedure: { isActive: true } }, select: clinicProcedureSelect }),
    db.procedurePricing.findMany({
      where: { clinicId, isActive: true, clinicProcedure: { isActive: true } },
      select: { ...pricingSelect, clinicProcedure: { select: { procedure: { select: { slug: true } } } } },
    }),
    db.responseLibrary.findMany({ where: { clinicId, isActive: true }, select: { answerKo: true, translations: true } }),
    db.clinic.findUnique({ where: { id: clinicId }, select: { id: true, name: true, address: true, phone: true, email: true, settings: true } }),
    // The one read of an internal field: only so the output guard can recognise it if a model invents it.
    db.clinicProcedure.findMany({ where: { clinicId, materialCost: { not: null } }, select: { materialCost: true } }),
  ]);
  const procedures: GuardProcedure[] = cps.map((cp) => {
    const m = mergeProcedure(cp, glossary);
    const danger = localizeOrTerms(m.dangerousSideEffects, glossary);
    const squeeze = (x: string) => x.replace(/\s+/g, '');
    const aliases = glossary
      .filter((g) => squeeze(g.ko) === squeeze(m.names.ko ?? ''))
      .flatMap((g) => [g.en, g.ja, g.zh, g.zhTW, g.vi].filter((x): x is string => !!x));
    return {
      slug: m.slug,
      names: m.names,
      ...(danger ? { dangerousSideEffects: danger } : {}),
      ...(m.category ? { category: m.category } : {}),
      ...(aliases.length ? { aliases: [...new Set(aliases)] } : {}),
    };
  });
  const prices: ClinicPriceLine[] = pricing.map((p) => {
    const cur = currentPrice(p as PricingRowLike, now);
    return {
      ...cur,
      pricingId: p.id,
      slug: p.clinicProcedure.procedure.slug,
      ...(p.label ? { label: p.label } : {}),
      ...(cur.eventActive && p.eventEndDate ? { eventEndDate: p.eventEndDate.toISOString().slice(0, 10) } : {}),
      ...(p.isPackage && packageTermsOf(p.packageDetails) ? { packageTerms: packageTermsOf(p.packageDetails) } : {}),
    };
  });
  // Amounts that were a price once but are not today (an ended or future event): never allowed, even
  // when a staff-written library answer still says them.
  const stale: number[] = pricing
    .filter((p, i) => p.eventPrice !== null && !prices[i]!.eventActive)
    .map((p) => Number(p.eventPrice))
    .filter((x) => !prices.some((l) => l.priceKrw === x));
  const allowedPrices: AllowedPrice[] = [];
  for (const p of prices) {
    allowedPrices.push({ currency: 'KRW', amount: p.priceKrw, slug: p.slug });
    if (p.eventActive && p.regularPriceKrw !== p.priceKrw) {
      allowedPrices.push({ currency: 'KRW', amount: p.regularPriceKrw, slug: p.slug, ...(p.discountWarning ? { warnedReference: true } : {}) });
    }
    for (const [currency, amount] of Object.entries(p.foreign)) allowedPrices.push({ currency, amount, slug: p.slug });
  }
  // Amounts staff wrote themselves (deposits, packages in the library, clinic info) are allowed as written.
  const staffTexts: [string, LangCode][] = [];
  for (const l of library) {
    staffTexts.push([l.answerKo, 'ko']);
    for (const [lang, qa] of Object.entries(parseTranslations(l.translations)) as [LangCode, { answer: string }][]) staffTexts.push([qa.answer, lang]);
  }
  if (clinic) for (const answers of Object.values(clinicInfoAnswers(clinic))) for (const lang of LANG_CODES) staffTexts.push([answers[lang], lang]);
  for (const [text, lang] of staffTexts) {
    for (const m of extractPrices(text, lang)) {
      for (const amount of m.amounts) if (!(m.currency === 'KRW' && stale.includes(amount))) allowedPrices.push({ currency: m.currency, amount });
    }
  }
  return {
    procedures,
    prices,
    allowedPrices,
    info: clinic ? clinicInfoAnswers(clinic) : {},
    internalValues: internal.map((r) => Number(r.materialCost)).filter((x) => Number.isFinite(x) && x > 0),
  };
}

/** Current price fields for a procedure's metadata: one line → priceKrw, several → the range. */
export function priceFields(lines: ClinicPriceLine[]): Record<string, unknown> {
  if (!lines.length) return {};
  // The soonest end of a running event among the lines: the customer must not miss it.
  const ends = lines
    .map((l) => l.eventEndDate)
    .filter((d): d is string => !!d)
    .sort();
  const end = ends.length ? { eventEndDate: ends[0] } : {};
  // Package terms travel with the prices: "how long is the package valid, how often do I come?"
  const terms = lines.map((l) => l.packageTerms).filter((t): t is PackageTerms => !!t);
  const pkg = terms.length ? { packageTerms: terms } : {};
  if (lines.length === 1) return { priceKrw: lines[0]!.priceKrw, eventActive: lines[0]!.eventActive, ...end, ...pkg };
  const amounts = lines.map((l) => l.priceKrw);
  return { priceMinKrw: Math.min(...amounts), priceMaxKrw: Math.max(...amounts), eventActive: lines.some((l) => l.eventActive), ...end, ...pkg };
}
