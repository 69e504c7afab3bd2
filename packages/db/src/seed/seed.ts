// Loads the demo data. Idempotent: every row is upserted by its natural key, and the whole run is
// one transaction under an advisory lock, so concurrent runs serialise instead of duplicating rows.
import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../client';
import { Prisma } from '../generated/prisma/client';
import type { Keyring } from '../crypto';
import { CREDENTIAL_SCHEMAS, DEMO_ACCOUNTS, generateCredentials, webhookUrl } from './accounts';
import { CLINICS, DEMO_CLINIC_SLUG, DEMO_PASSWORD, DEMO_USERS, SECOND_CLINIC_SLUG } from './clinics.data';
import { passwordProblem } from '../password-policy';
import { MEDICAL_TERMS } from './glossary.data';
import { LIBRARY } from './library.data';
import { CULTURAL_PROFILES, PERSONAS } from './personas.data';
import { CLINIC_PRICING, FX, type PriceLineSeed } from './pricing.data';
import { CATEGORIES, PROCEDURES } from './procedures.data';
import { PROCEDURE_TRANSLATIONS } from './procedure-translations.data';

export interface DemoSummary {
  clinicIds: Record<string, string>;
  demoClinicId: string;
  secondClinicId: string;
  counts: {
    clinics: number;
    users: number;
    procedureCategories: number;
    procedures: number;
    clinicProcedures: number;
    procedurePricing: number;
    aiPersonas: number;
    culturalProfiles: number;
    responseLibrary: number;
    medicalTerms: number;
    messengerAccounts: number;
  };
}

export interface SeedOptions {
  publicBaseUrl: string;
  now?: Date;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const SEED_LOCK_KEY = 7_243_001;
const DAY_MS = 86_400_000;

/** The Seoul calendar date of `now`, at 00:00 UTC (how Prisma writes a DATE column). */
function seoulDay(now: Date, offsetDays = 0): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + offsetDays * DAY_MS);
}

export function discountRate(regular: number, event: number): number {
  return Math.round(((regular - event) / regular) * 100 * 100) / 100;
}

function pricingRow(line: PriceLineSeed, now: Date) {
  const event = line.event;
  const isRunning = event?.window === 'running';
  const rate = event ? discountRate(line.regular, event.price) : null;
  const customerPrice = isRunning ? event!.price : line.regular;
  const pricesByCurrency = Object.fromEntries(
    Object.entries(FX).map(([cur, { rate: fx, step }]) => [cur, Math.max(step, Math.round((customerPrice * fx) / step) * step)]),
  );
  return {
    regularPrice: line.regular,
    eventPrice: event?.price ?? null,
    discountRate: rate,
    discountWarning: rate !== null && rate > 49,
    eventStartDate: event ? seoulDay(now, isRunning ? -7 : -60) : null,
    eventEndDate: event ? seoulDay(now, isRunning ? 30 : -10) : null,
    isPackage: !!line.package,
    packageDetails: line.package ?? Prisma.DbNull,
    pricesByCurrency,
    isActive: true,
  };
}

/** Existing credentials are kept when this keyring can read them and they still fit the schema. */
function keptCredentials(keyring: Keyring, platform: keyof typeof CREDENTIAL_SCHEMAS, envelope: unknown, accountId: string): Record<string, string> | null {
  try {
    const parsed = CREDENTIAL_SCHEMAS[platform].safeParse(keyring.decrypt(envelope, accountId));
    return parsed.success ? (parsed.data as Record<string, string>) : null;
  } catch {
    return null;
  }
}

async function seedInTx(tx: Tx, keyring: Keyring, passwordHash: string, opts: Required<SeedOptions>, keepHashFor: Set<string>): Promise<DemoSummary> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)) AS l`;

  const clinicIds: Record<string, string> = {};
  for (const c of CLINICS) {
    const data = {
      name: c.name,
      businessNumber: c.businessNumber,
      phone: c.phone,
      email: c.email,
      address: c.address,
      timezone: c.timezone,
      commissionRate: c.commissionRate,
      settings: c.settings as object,
      isActive: true,
    };
    const row = await tx.clinic.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data, select: { id: true } });
    clinicIds[c.slug] = row.id;
  }

  for (const u of DEMO_USERS) {
    const clinicId = u.clinicSlug ? clinicIds[u.clinicSlug]! : null;
    const data = { name: u.name, role: u.role, clinicId, phone: u.phone, isActive: true };
    await tx.user.upsert({
      where: { email: u.email },
      create: { email: u.email, passwordHash, ...data },
      update: keepHashFor.has(u.email) ? data : { ...data, passwordHash },
    });
  }

  const categoryIds: Record<string, string> = {};
  for (const c of CATEGORIES) {
    const data = { nameKo: c.nameKo, nameEn: c.nameEn, nameJa: c.nameJa, nameZh: c.nameZh, sortOrder: c.sortOrder };
    categoryIds[c.slug] = (
      await tx.procedureCategory.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data, select: { id: true } })
    ).id;
  }

  const procedureIds: Record<string, string> = {};
  for (const p of PROCEDURES) {
    const { slug, categorySlug, ...rest } = p;
    const data = { ...rest, translations: PROCEDURE_TRANSLATIONS[slug] ?? Prisma.DbNull, categoryId: categoryIds[categorySlug]!, isActive: true };
    procedureIds[slug] = (await tx.procedure.upsert({ where: { slug }, create: { slug, ...data }, update: data, select: { id: true } })).id;
  }
  const ids = (slugs: string[] | undefined) => (slugs ?? []).map((s) => procedureIds[s]!);

  let clinicProcedures = 0;
  let pricingRows = 0;
  for (const [clinicSlug, list] of Object.entries(CLINIC_PRICING)) {
    const clinicId = clinicIds[clinicSlug]!;
    for (const cp of list) {
      const procedureId = procedureIds[cp.procedureSlug]!;
      const c = cp.custom ?? {};
      const data = {
        customDescription: c.description ?? null,
        customEffects: c.effects ?? null,
        customDurationMinutes: c.durationMinutes ?? null,
        customEffectDuration: c.effectDuration ?? null,
        customDowntimeDays: c.downtimeDays ?? null,
        customPrecautionsAfter: c.precautionsAfter ?? null,
        customPainLevel: c.painLevel ?? null,
        customAnesthesiaOptions: c.anesthesiaOptions ?? null,
        customTranslations: c.translations ?? Prisma.DbNull,
        crossSellProcedureIds: ids(cp.crossSell),
        upsellProcedureIds: ids(cp.upsell),
        incompatibleProcedureIds: ids(cp.incompatible),
        sequenceNotes: cp.sequenceNotes ?? null,
        ...cp.internal,
        isActive: true,
      };
      const row = await tx.clinicProcedure.upsert({
        where: { clinicId_procedureId: { clinicId, procedureId } },
        create: { clinicId, procedureId, ...data },
        update: data,
        select: { id: true },
      });
      clinicProcedures++;
      for (const line of cp.prices) {
        const pdata = pricingRow(line, opts.now);
        const existing = await tx.procedurePricing.findFirst({ where: { clinicProcedureId: row.id, label: line.label }, select: { id: true } });
        if (existing) await tx.procedurePricing.update({ where: { id: existing.id }, data: pdata });
        else await tx.procedurePricing.create({ data: { clinicProcedureId: row.id, clinicId, label: line.label, ...pdata } });
        pricingRows++;
      }
    }
  }

  const demoClinicId = clinicIds[DEMO_CLINIC_SLUG]!;
  for (const p of PERSONAS) {
    const data = {
      name: p.name,
      personality: p.personality,
      tone: p.tone,
      greetingMorning: p.greetingMorning,
      greetingAfternoon: p.greetingAfternoon,
      greetingEvening: p.greetingEvening,
      isActive: true,
    };
    const existing = await tx.aiPersona.findFirst({ where: { clinicId: demoClinicId, languageCode: p.languageCode }, select: { id: true } });
    if (existing) await tx.aiPersona.update({ where: { id: existing.id }, data });
    else await tx.aiPersona.create({ data: { clinicId: demoClinicId, languageCode: p.languageCode, ...data } });
  }

  for (const cp of CULTURAL_PROFILES) {
    const { countryCode, ...data } = cp;
    await tx.culturalProfile.upsert({ where: { countryCode }, create: { countryCode, ...data }, update: data });
  }

  for (const [i, e] of LIBRARY.entries()) {
    const [questionKo, answerKo] = e.ko;
    const langs = ['ja', 'en', 'zh', 'zh-TW', 'vi'] as const;
    const translations = Object.fromEntries(langs.map((l) => [l, { question: e[l][0], answer: e[l][1] }]));
    const data = { category: e.category, subcategory: e.subcategory, answerKo, translations, keywords: e.keywords, isActive: true, sortOrder: i + 1 };
    const existing = await tx.responseLibrary.findFirst({ where: { clinicId: demoClinicId, questionKo }, select: { id: true } });
    if (existing) await tx.responseLibrary.update({ where: { id: existing.id }, data });
    else await tx.responseLibrary.create({ data: { clinicId: demoClinicId, questionKo, ...data } });
  }

  for (const t of MEDICAL_TERMS) {
    const data = { termEn: t.en, termJa: t.ja, termZh: t.zh, termZhTw: t.zhTw, termVi: t.vi, category: t.category };
    const existing = await tx.medicalTerm.findFirst({ where: { clinicId: null, termKo: t.ko }, select: { id: true } });
    if (existing) await tx.medicalTerm.update({ where: { id: existing.id }, data });
    else await tx.medicalTerm.create({ data: { clinicId: null, termKo: t.ko, ...data } });
  }

  for (const a of DEMO_ACCOUNTS) {
    const clinicId = clinicIds[a.clinicSlug]!;
    const existing = await tx.messengerAccount.findFirst({ where: { clinicId, accountName: a.accountName }, select: { id: true, credentials: true } });
    const id = existing?.id ?? randomUUID();
    const kept = existing ? keptCredentials(keyring, a.platform, existing.credentials, existing.id) : null;
    const data = {
      messengerType: a.platform,
      displayName: a.displayName,
      webhookUrl: webhookUrl(opts.publicBaseUrl, a.platform, id),
      webhookSecret: null,
      targetCountries: a.targetCountries,
      isActive: true,
      // Re-encrypt only when needed: unreadable/invalid credentials are replaced, old key ids rotated.
      ...(kept && !keyring.needsRotation(existing!.credentials)
        ? {}
        : { credentials: keyring.encrypt(kept ?? generateCredentials(a.platform), id) as object, credentialsKeyId: keyring.currentKeyId }),
    };
    if (existing) await tx.messengerAccount.update({ where: { id }, data });
    else
      await tx.messengerAccount.create({
        data: { id, clinicId, accountName: a.accountName, isConnected: false, credentials: {}, credentialsKeyId: keyring.currentKeyId, ...data },
      });
  }

  return {
    clinicIds,
    demoClinicId,
    secondClinicId: clinicIds[SECOND_CLINIC_SLUG]!,
    counts: {
      clinics: CLINICS.length,
      users: DEMO_USERS.length,
      procedureCategories: CATEGORIES.length,
      procedures: PROCEDURES.length,
      clinicProcedures,
      procedurePricing: pricingRows,
      aiPersonas: PERSONAS.length,
      culturalProfiles: CULTURAL_PROFILES.length,
      responseLibrary: LIBRARY.length,
      medicalTerms: MEDICAL_TERMS.length,
      messengerAccounts: DEMO_ACCOUNTS.length,
    },
  };
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';

export async function seedDemo(db: Db, keyring: Keyring, opts: SeedOptions): Promise<DemoSummary> {
  const full: Required<SeedOptions> = { publicBaseUrl: opts.publicBaseUrl, now: opts.now ?? new Date() };
  const weak = passwordProblem(DEMO_PASSWORD);
  if (weak) throw new Error(`the demo password breaks the password policy: ${weak.message}`);
  // Hash once per run; users whose stored hash already matches the demo password keep it.
  const passwordHash = await hash(DEMO_PASSWORD);
  const existing = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true, passwordHash: true } });
  const keepHashFor = new Set<string>();
  for (const u of existing) if (await verify(u.passwordHash, DEMO_PASSWORD).catch(() => false)) keepHashFor.add(u.email);

  const run = () => db.$transaction((tx) => seedInTx(tx, keyring, passwordHash, full, keepHashFor), { maxWait: 60_000, timeout: 120_000 });
  try {
    return await run();
  } catch (err) {
    // A concurrent writer outside the advisory lock won a unique key: the second pass finds its row.
    if (isUniqueViolation(err)) return run();
    throw err;
  }
}
