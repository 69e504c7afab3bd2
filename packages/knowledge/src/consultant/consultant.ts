import { detectConcepts, isLangCode, replyInstructions, REPLY_TEMPLATES, type HistoryMessage, type KnowledgeHit } from '@hub/ai';
import { glossaryTermsIn } from '../indexing/documents';
import { searchNearest, type NearestNeighbour, type Sql } from '@hub/db';
import { clinicRuntimes, type ClinicRuntime } from '../clinic-runtime';
import { nowOf, TtlCache, type KnowledgeDeps } from '../deps';
import {
  asksForInternalData,
  asksIfNormal,
  injectionGuard,
  inputHandoff,
  proceduresInText,
  foreignFragments,
  runOutputGuards,
  type GuardContext,
  type GuardProcedure,
  type GuardResult,
  type TurnHandoffReason,
} from '../guards';
import { hasTraditional, toSimplified } from '../han';
import { assertNoInternalFields } from '../internal-fields';
import {
  COUNTRY_BY_LANGUAGE,
  dayPart,
  defaultTimezone,
  INTERNAL_DATA_REFUSAL,
  isValidTimezone,
  localHour,
  timeFormatter,
  toLangCode,
  type LangCode,
} from '../lang';
import { loadClinicFacts, priceFields, type ClinicFacts } from './clinic-facts';
import { buildSystemPrompt, greetingFor } from './prompt';
import { handoffNotice } from './handoff-notice';
import { notOfferedIn, notOfferedReply, withoutMeans } from './not-offered';
import { clinicInfoTopicsIn } from './clinic-info-topics';
import { sideTopicsIn } from './side-topics';
import type { Consultant, TurnInput, TurnOutput } from './types';

export interface ConsultantDeps extends KnowledgeDeps {
  /** Retrieval as a named prepared statement on Prisma's pool (createDbAndSql); Prisma's raw query when absent. */
  sql?: Sql;
  /** Knowledge rows given to the generator (distinct sources, best first). Default 6. */
  topK?: number;
  /** Earlier messages shown to the generator. Default 10. */
  historyLimit?: number;
  /** Below this grounding confidence the turn goes to staff. Default 0.2. */
  minConfidence?: number;
  /** hnsw.ef_search for retrieval. Default 64 (bench/rag.bench.ts: recall@10 ≈ 0.98 on clinic-filtered search). */
  efSearch?: number;
}

/** One retrieved source: its label for ai_metadata (e.g. "procedure:botox-forehead") and its best row. */
export interface RetrievedSource {
  label: string;
  score: number;
  row: NearestNeighbour;
}

/** Names a reply in any language may carry: the clinic's name and glossary terms written in Latin letters (brands). */
function allowedNames(rt: ClinicRuntime): string[] {
  // The Korean side is never allowed: "써마지 FLX" has Latin letters but is Korean text.
  const terms = rt.glossary.flatMap((g) => [g.en, g.ja, g.zh, g.zhTW, g.vi].filter((v): v is string => !!v && /[A-Za-z]/.test(v)));
  return [rt.name, ...terms];
}

const GENERATOR_TYPE: Record<string, string> = { clinic_procedure: 'procedure', pricing: 'procedure' };

export function sourceLabel(row: Pick<NearestNeighbour, 'sourceType' | 'sourceId' | 'metadata'>): string {
  const m = row.metadata;
  switch (row.sourceType) {
    case 'clinic_procedure':
      return `procedure:${String(m['slug'] ?? row.sourceId)}`;
    case 'pricing':
      return `pricing:${String(m['slug'] ?? row.sourceId)}`;
    case 'clinic_info':
      return `clinic_info:${String(m['topic'] ?? row.sourceId)}`;
    case 'medical_term': {
      const terms = m['terms'] as Record<string, string> | undefined;
      return `medical_term:${terms?.['ko'] ?? row.sourceId}`;
    }
    default:
      return `${row.sourceType}:${row.sourceId}`;
  }
}

/** Rows → distinct sources, best row of each, in rank order. */
export function distinctSources(rows: NearestNeighbour[]): RetrievedSource[] {
  const seen = new Map<string, RetrievedSource>();
  for (const row of [...rows].sort((a, b) => b.score - a.score)) {
    const label = sourceLabel(row);
    if (!seen.has(label)) seen.set(label, { label, score: row.score, row });
  }
  return [...seen.values()];
}

const SCRIPT: Record<LangCode, RegExp> = {
  ko: /[\uac00-\ud7af]/u,
  ja: /[\u3040-\u30ff]/u,
  en: /[a-z]/iu,
  vi: /[a-z\u00c0-\u024f\u1e00-\u1eff]/iu,
  zh: /[\u4e00-\u9fff]/u,
  'zh-TW': /[\u4e00-\u9fff]/u,
};
const LETTER = /[\p{L}]/u;

/** Share of a text's letters written in `lang`'s own script (Latin for en and vi, Han for Chinese, Kana for Japanese). */
function ownScriptShare(text: string, lang: LangCode): number {
  const letters = [...text].filter((c) => LETTER.test(c));
  if (!letters.length) return 0;
  return letters.filter((c) => SCRIPT[lang].test(c)).length / letters.length;
}

export function resolveLanguage(detected: { language: string; confidence: number }, input: TurnInput, customerLanguage: string | null): LangCode {
  // A short message that reads either way keeps the customer's known language: Han text with no character
  // that tells the scripts apart ("最近的捷運站是哪一站？"), Vietnamese typed without diacritics ("co dau
  // khong a" looks English).
  const known = toLangCode(customerLanguage);
  const family = (l: string) => (l === 'en' || l === 'vi' ? 'latin' : l === 'zh' || l === 'zh-TW' || l === 'ja' ? 'han' : l);
  const unsure = family(detected.language) === 'latin' ? 0.8 : 0.7;
  if (known && known !== detected.language && family(known) === family(detected.language) && detected.confidence < unsure) return known;
  // A message mixing scripts ("how much is 보톡스 for the forehead?") is answered in the customer's known
  // language when a good part of it is written in that language's script.
  if (known && known !== detected.language && ownScriptShare(input.messages.map((m) => m.content).join(' '), known) >= 0.4) return known;
  if (isLangCode(detected.language) && detected.confidence >= 0.5) return detected.language;
  for (const m of [...input.messages].reverse()) {
    const l = toLangCode(m.originalLanguage);
    if (l) return l;
  }
  return toLangCode(customerLanguage) ?? (isLangCode(detected.language) ? detected.language : 'en');
}

/** Turn hits into what the generator reads: current prices attached, generator types, sanitized metadata. */
function toKnowledge(sources: RetrievedSource[], facts: ClinicFacts, named: string[] = []): KnowledgeHit[] {
  return sources.map(({ row, label }) => {
    const { embeddingModel: _model, ...stored } = row.metadata;
    let metadata: Record<string, unknown> = { ...stored, source: label };
    const slug = typeof stored['slug'] === 'string' ? stored['slug'] : undefined;
    if (row.sourceType === 'clinic_procedure' && slug) {
      metadata = { ...metadata, ...priceFields(facts.prices.filter((p) => p.slug === slug)) };
    } else if (row.sourceType === 'pricing') {
      // Prices are read again now: an event may have started or ended since the row was indexed.
      const line = facts.prices.find((p) => p.pricingId === row.sourceId);
      if (line) {
        metadata = { ...metadata, priceKrw: line.priceKrw, eventActive: line.eventActive, discountWarning: line.discountWarning };
        if (line.eventEndDate) metadata['eventEndDate'] = line.eventEndDate;
        else delete metadata['eventEndDate'];
        if (line.discountWarning) {
          delete metadata['regularPriceKrw'];
          delete metadata['discountRate'];
        }
      }
    }
    // The customer named this procedure: every named one is answered, not only the best-ranked.
    if (slug && named.includes(slug)) metadata['named'] = true;
    assertNoInternalFields(metadata, `knowledge ${label}`);
    return { sourceType: GENERATOR_TYPE[row.sourceType] ?? row.sourceType, sourceId: row.sourceId, content: row.content, metadata, score: row.score };
  });
}

/**
 * Named procedures without their own procedure row among the sources (none at all, or only a price
 * line): the procedure row holds the facts beyond the price (aftercare, how long it lasts, side effects).
 */
export function withoutOwnRow(named: readonly string[], sources: readonly RetrievedSource[]): string[] {
  return named.filter((slug) => !sources.some((d) => slugOf(d) === slug && d.row.sourceType === 'clinic_procedure'));
}

const slugOf = (s: RetrievedSource) => (typeof s.row.metadata['slug'] === 'string' ? (s.row.metadata['slug'] as string) : undefined);

/**
 * What the generator sees: glossary rows are left out (they serve translation and retrieval, not answers);
 * when the customer names procedures, rows about other procedures and general rows ranking below the
 * named procedure's best row are dropped, so a generic FAQ cannot answer a question about one procedure;
 * so are general rows whose question is about another procedure or another kind of procedure (a Botox FAQ
 * never answers for Juvelook).
 */
export function focus(sources: RetrievedSource[], named: string[], procedures: GuardProcedure[] = [], turnText = ''): RetrievedSource[] {
  const useful = sources.filter((s) => s.row.sourceType !== 'medical_term');
  if (!named.length) return useful;
  // A library row on the message's side topic (flying home, the deposit …) stays whatever its rank.
  const topics = sideTopicsIn(turnText);
  const onTopic = (s: RetrievedSource) => !!topics.length && libraryTopics(s).some((t) => topics.includes(t));
  const own = useful.filter((s) => named.includes(slugOf(s) ?? ''));
  const aboutOther = (s: RetrievedSource) => {
    const question = (s.row.metadata['ko'] as { question?: unknown } | undefined)?.question;
    if (typeof question !== 'string') return false;
    const about = proceduresInText(question, procedures).map((h) => h.procedure.slug);
    if (about.length) return !about.some((x) => named.includes(x));
    const kinds = new Set(procedures.filter((p) => named.includes(p.slug)).map((p) => p.category));
    const mentioned = [...new Set(procedures.map((p) => p.category).filter((c): c is string => !!c && question.includes(c)))];
    return mentioned.length > 0 && !mentioned.some((c) => kinds.has(c));
  };
  if (!own.length) return useful.filter((s) => !aboutOther(s));
  const best = Math.max(...own.map((s) => s.score));
  return useful.filter((s) => {
    const slug = slugOf(s);
    if (slug) return named.includes(slug);
    return onTopic(s) || (s.score >= best && !aboutOther(s));
  });
}

/** Side topics of a library row, read from its Korean question. */
function libraryTopics(s: Pick<RetrievedSource, 'row'>) {
  const question = (s.row.metadata['ko'] as { question?: unknown } | undefined)?.question;
  return s.row.sourceType === 'response_library' && typeof question === 'string' ? sideTopicsIn(question) : [];
}

/**
 * Price lines: when the customer named a line's numbers ("300샷", "10회") that line answers with its own
 * price; otherwise a retrieved line stands for its procedure and shows the procedure's whole current
 * range, so a generic "how much?" never gets one arbitrary line.
 */
export function resolvePriceLines(knowledge: KnowledgeHit[], query: string, facts: ClinicFacts): KnowledgeHit[] {
  const numbers = new Set(query.match(/\d+/g) ?? []);
  const labelNamed = (label: string, slug: unknown) => {
    if ((label.match(/\d+/g) ?? []).some((n) => n.length > 1 && numbers.has(n))) return true;
    // A word only this line's label has among its procedure's lines ("눈가", "수입"), said in the query
    // (its Korean rendering carries the glossary's term).
    const siblings = facts.prices.filter((p) => p.slug === slug && p.label && p.label !== label).map((p) => p.label!);
    return distinctiveWords(label, siblings).some((w) => query.includes(w));
  };
  const named = (k: KnowledgeHit) => typeof k.metadata['label'] === 'string' && labelNamed(k.metadata['label'] as string, k.metadata['slug']);
  const out = knowledge.map((k) => {
    const slug = k.metadata['slug'];
    if (typeof slug !== 'string' || named(k)) return k;
    const lines = facts.prices.filter((p) => p.slug === slug);
    if (lines.length < 2) return k;
    // The customer named one line ("600 shots", "the eye area") that this row does not carry: its price.
    const picked = lines.filter((p) => p.label && labelNamed(p.label, slug));
    if (picked.length === 1) {
      const { priceKrw: _p, priceNote: _n, label: _l, priceMinKrw: _a, priceMaxKrw: _b, eventEndDate: _e, ...rest } = k.metadata;
      return { ...k, score: k.score + 0.05, metadata: { ...rest, ...priceFields(picked) } };
    }
    if (k.metadata['label'] === undefined) return k;
    const { priceKrw: _p, priceNote: _n, label: _l, ...rest } = k.metadata;
    return { ...k, metadata: { ...rest, ...priceFields(lines) } };
  });
  // A line the customer named outranks its siblings.
  return out.map((k) => (named(k) ? { ...k, score: k.score + 0.05 } : k)).sort((a, b) => b.score - a.score);
}

/** Hangul words (2+ letters) of a price label that none of its sibling labels has. */
export function distinctiveWords(label: string, siblings: string[]): string[] {
  if (!siblings.length) return [];
  const words = (x: string) => x.match(/[\uac00-\ud7af]{2,}/gu) ?? [];
  const other = new Set(siblings.flatMap(words));
  return words(label).filter((w) => !other.has(w));
}

function intentOf(text: string): string {
  const c = detectConcepts(text);
  if (c.has('booking')) return 'booking';
  if (c.has('price')) return 'price_inquiry';
  if (c.has('side_effects')) return 'side_effects';
  if (c.has('downtime') || c.has('pain')) return 'recovery';
  if (c.has('location') || c.has('hours')) return 'clinic_info';
  return 'information';
}

/**
 * One AI turn: language, Korean rendering for retrieval, top-k knowledge (clinic + global rows), persona and
 * cultural prompt, generation, then the rules in code (guards) before anything is returned.
 */
const SEOUL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' });

export function createConsultant(deps: ConsultantDeps): Consultant {
  const runtimeOf = clinicRuntimes(deps);
  // Clinic facts, personas and cultural profiles change rarely but were read on every turn: cache them
  // briefly. Facts (prices) for at most 10 s, so a price edit reaches replies and the price guard quickly.
  const ttl = deps.cacheTtlMs ?? 60_000;
  const factsCache = new TtlCache<ClinicFacts>(Math.min(ttl, 10_000));
  const personasCache = new TtlCache<Awaited<ReturnType<typeof deps.db.aiPersona.findMany>>>(ttl);
  const cultureCache = new TtlCache<Awaited<ReturnType<typeof deps.db.culturalProfile.findUnique>>>(ttl);
  const topK = deps.topK ?? 6;
  const historyLimit = deps.historyLimit ?? 10;
  const minConfidence = deps.minConfidence ?? 0.2;

  return {
    async reply(input: TurnInput): Promise<TurnOutput> {
      const started = performance.now();
      const now = nowOf(deps);
      const { db } = deps;
      const rt: ClinicRuntime = await runtimeOf(input.clinicId);
      const { detector, translator, embedder, generator } = rt.providers;

      const customer =
        input.customer !== undefined
          ? input.customer
          : await db.customer.findFirst({
              where: { id: input.customerId, clinicId: input.clinicId },
              select: { languageCode: true, countryCode: true, timezone: true },
            });
      const turnText = input.messages
        .map((m) => m.content)
        .filter((t) => t.trim())
        .join('\n');
      const detected = detector.detectLanguage(turnText);
      const lang = resolveLanguage(detected, input, customer?.languageCode ?? null);
      const guards: GuardResult[] = [];
      const base = {
        language: lang,
        language_detected: { code: detected.language, confidence: Number(detected.confidence.toFixed(2)) },
      };

      // Korean for retrieval and for the rules: stored inbound translations first, else translate now.
      let korean: string | undefined;
      if (lang === 'ko') korean = turnText;
      else {
        const stored = input.messages.map((m) => m.translatedContent).filter((t): t is string => !!t);
        if (stored.length === input.messages.length) korean = stored.join('\n');
        else {
          const r = await translator.translate(turnText, lang, 'ko', rt.glossary, { library: rt.library });
          if (r.translated || r.text !== turnText) korean = r.text;
        }
      }

      guards.push(injectionGuard(turnText));
      const handoffReason: TurnHandoffReason | undefined = inputHandoff(turnText, korean);
      // A handoff always tells the customer (their language) and shows staff the same notice in Korean.
      const handoffOut = (reason: string, extra: Record<string, unknown> = {}): TurnOutput => {
        const noticeOf = (l: LangCode) =>
          handoffNotice({
            lang: l,
            reason,
            clinicName: rt.name,
            phone: rt.phone,
            settings: rt.settings,
            timezone: rt.timezone,
            now,
            country: customer?.countryCode ?? null,
          });
        const notice = noticeOf(lang);
        return {
          text: notice.text,
          language: lang,
          translatedKo: lang === 'ko' ? null : noticeOf('ko').text,
          handoff: { reason, urgent: notice.urgent },
          aiMetadata: { ...base, ...extra, handoff_reason: reason, handoff_notice: true, guards, latency_ms: Math.round(performance.now() - started) },
        };
      };
      if (handoffReason) {
        guards.push({ rule: 'handoff', status: 'blocked', detail: handoffReason });
        return handoffOut(handoffReason, { model: null });
      }

      // History (before this turn), oldest first.
      const historyRows = input.history
        ? input.history.slice(-historyLimit)
        : (
            await db.message.findMany({
              where: {
                conversationId: input.conversationId,
                clinicId: input.clinicId,
                isDeleted: false,
                id: { notIn: input.messages.map((m) => m.id) },
                senderType: { in: ['customer', 'ai', 'staff'] },
              },
              orderBy: { seq: 'desc' },
              take: historyLimit,
              select: { senderType: true, content: true },
            })
          ).reverse();
      const history: HistoryMessage[] = historyRows.map((m) => ({
        role: m.senderType === 'customer' ? 'customer' : m.senderType === 'staff' ? 'staff' : 'assistant',
        text: m.content,
      }));

      // Keyed by the Seoul date too: whether an event price runs is decided per day.
      const facts = await factsCache.get(`${input.clinicId}:${SEOUL_DAY.format(now)}`, () => loadClinicFacts(db, input.clinicId, rt.glossary, now));

      // A procedure the clinic does not offer, with nothing it offers named: said so (a fixed text per
      // language, no prices), never another procedure's facts as if they were the one asked.
      const unoffered = notOfferedIn(
        `${turnText}\n${korean ?? ''}`,
        facts.procedures.map((p) => p.slug),
      );
      // An offered device named only as the means ("remove a tattoo with the pico laser") does not count.
      if (unoffered.length && !proceduresInText(withoutMeans(`${turnText}\n${korean ?? ''}`), facts.procedures).length) {
        guards.push({ rule: 'handoff', status: 'pass', detail: `not offered: ${unoffered.map((u) => u.key).join(', ')}` });
        return {
          text: notOfferedReply(unoffered, lang),
          language: lang,
          translatedKo: lang === 'ko' ? null : notOfferedReply(unoffered, 'ko'),
          aiMetadata: { ...base, model: null, not_offered: unoffered.map((u) => u.key), guards, latency_ms: Math.round(performance.now() - started) },
        };
      }

      // A follow-up without a procedure name ("how much?") is retrieved together with the previous question.
      let query = korean && korean !== turnText ? `${turnText}\n${korean}` : turnText;
      // Traditional Chinese also in simplified form: many stored names exist only in simplified characters.
      if (hasTraditional(turnText)) query = `${query}\n${toSimplified(turnText)}`;
      // The latest earlier message that named a procedure (the customer's, or our answer to a vague question).
      const prevNaming = [...history]
        .reverse()
        .slice(0, 4)
        .find((h) => proceduresInText(h.text, facts.procedures).length);
      if (!proceduresInText(query, facts.procedures).length && prevNaming) query = `${query}\n${prevNaming.text}`;
      const [vector] = await embedder.embed([query]);
      const rows = await searchNearest(db, vector!, { clinicId: input.clinicId, k: topK * 3, efSearch: deps.efSearch ?? 64, sql: deps.sql });
      // A follow-up that names nothing ("and the imported one?") is about what the previous question named.
      const namedNow = proceduresInText(`${turnText}\n${korean ?? ''}`, facts.procedures).map((h) => h.procedure.slug);
      const named = namedNow.length || !prevNaming ? namedNow : proceduresInText(prevNaming.text, facts.procedures).map((h) => h.procedure.slug);
      if (!named.length && asksIfNormal(turnText, korean)) {
        guards.push({ rule: 'handoff', status: 'blocked', detail: 'medical_question' });
        return handoffOut('medical_question', { model: null });
      }
      // Top k, plus the best row of every named procedure that ranked lower ("A and B, how much each?").
      const distinct = distinctSources(rows);
      // A named procedure the search did not reach at all is looked up by its own name.
      // So is one reached only by a price line: its own row holds the facts beyond the price (aftercare,
      // how long it lasts, side effects), which a follow-up or a care question asks for.
      const unreached = withoutOwnRow(named, distinct);
      if (unreached.length) {
        const names = unreached.map((slug) => {
          const p = facts.procedures.find((x) => x.slug === slug);
          return [p?.names[lang], p?.names.ko].filter(Boolean).join(' ');
        });
        const vectors = await embedder.embed(names);
        for (const [i, v] of vectors.entries()) {
          const more = await searchNearest(db, v, {
            clinicId: input.clinicId,
            k: topK * 2,
            efSearch: deps.efSearch ?? 64,
            sql: deps.sql,
            sourceTypes: ['clinic_procedure', 'pricing'],
          });
          for (const s of distinctSources(more)) if (slugOf(s) === unreached[i] && !distinct.some((d) => d.label === s.label)) distinct.push(s);
        }
      }
      const sources = [
        ...distinct.slice(0, topK),
        ...distinct
          .slice(topK)
          .filter(
            (s) =>
              named.includes(slugOf(s) ?? '') &&
              (!distinct.slice(0, topK).some((t) => slugOf(t) === slugOf(s)) ||
                (s.row.sourceType === 'clinic_procedure' && withoutOwnRow([slugOf(s)!], distinct.slice(0, topK)).length > 0)),
          ),
      ];
      // Lines are named by this turn's words only (an earlier answer's "600 shots" names nothing now).
      const turnTopics = sideTopicsIn(`${turnText}\n${korean ?? ''}`);
      const knowledge = resolvePriceLines(
        toKnowledge(focus(sources, named, facts.procedures, `${turnText}\n${korean ?? ''}`), facts, named),
        `${turnText}\n${korean ?? ''}`,
        facts,
      ).map((k) =>
        // The generator answers a side-topic question from the staff's row on it.
        k.sourceType === 'response_library' &&
        turnTopics.length &&
        libraryTopics({ row: { sourceType: 'response_library', metadata: k.metadata } as NearestNeighbour }).some((t) => turnTopics.includes(t))
          ? { ...k, metadata: { ...k.metadata, onTopic: true } }
          : k,
      );
      const topicRow = knowledge.some((k) => k.metadata['onTopic'] === true);

      // Hours, parking, the way here: from the clinic's settings (every language) when no procedure is
      // named: first with the local generator (retrieval may rank a procedure row above them), else when
      // the generator found nothing to answer with.
      const infoTopics = proceduresInText(`${turnText}\n${korean ?? ''}`, facts.procedures).length ? [] : clinicInfoTopicsIn(turnText);
      // One language here too: a settings line not written in the customer's language is left out.
      const infoText = infoTopics
        .map((t) => facts.info[t]?.[lang])
        .filter((x): x is string => !!x)
        .flatMap((x) => x.split('\n'))
        .filter((line) => !foreignFragments(line, lang, allowedNames(rt)).length)
        .join('\n');
      const infoOut = (lead?: string): TurnOutput => ({
        text: lead ? `${lead}\n${infoText}` : infoText,
        language: lang,
        translatedKo:
          lang === 'ko'
            ? null
            : infoTopics
                .map((t) => facts.info[t]?.ko)
                .filter(Boolean)
                .join('\n'),
        aiMetadata: {
          ...base,
          model: null,
          clinic_info: infoTopics,
          knowledge_sources: sources.slice(0, 5).map((s) => s.label),
          retrieval: sources.map((s) => ({ source: s.label, score: Number(s.score.toFixed(3)) })),
          guards,
          latency_ms: Math.round(performance.now() - started),
        },
      });

      // Persona for the language (else the clinic's first active one), greeting by the customer's local time.
      const personas = await personasCache.get(input.clinicId, () =>
        db.aiPersona.findMany({ where: { clinicId: input.clinicId, isActive: true }, orderBy: { createdAt: 'asc' } }),
      );
      const persona = personas.find((p) => toLangCode(p.languageCode) === lang) ?? personas.find((p) => p.languageCode === 'en') ?? personas[0] ?? null;
      const country = customer?.countryCode?.toUpperCase() ?? COUNTRY_BY_LANGUAGE[lang];
      const tz = customer?.timezone && isValidTimezone(customer.timezone) ? customer.timezone : defaultTimezone(country, lang);
      const part = dayPart(localHour(now, tz));
      const greeting = persona && toLangCode(persona.languageCode) === lang ? greetingFor(persona, part) : undefined;
      const culture = country ? await cultureCache.get(country, () => db.culturalProfile.findUnique({ where: { countryCode: country } })) : null;
      const localTime = timeFormatter(tz, true).format(now);
      const systemPrompt = buildSystemPrompt({ clinicName: rt.name, lang, persona, culture, localTime, dayPart: part, greeting });

      if (infoText && generator.name === 'local' && !topicRow) {
        const firstReply = !history.some((h) => h.role === 'assistant' || h.role === 'staff');
        return infoOut(firstReply ? greeting : undefined);
      }

      const generated = await generator.generateReply({
        clinicName: rt.name,
        customerLanguage: lang,
        systemPrompt,
        ...(greeting ? { greeting } : {}),
        history,
        turnText,
        knowledge,
      });
      const procedureSlugs = knowledge.map((k) => k.metadata['slug']).filter((s): s is string => typeof s === 'string');
      const top = knowledge.find((k) => k.sourceType === 'procedure');
      const meta = {
        ...base,
        model: generated.model,
        provider: generated.metadata?.provider ?? generator.name,
        ...(generated.metadata?.failover ? { failover: true, failover_from: generated.metadata.failoverFrom } : {}),
        confidence: Number(generated.confidence.toFixed(3)),
        knowledge_sources: sources.slice(0, 5).map((s) => s.label),
        retrieval: sources.map((s) => ({ source: s.label, score: Number(s.score.toFixed(3)) })),
        sales_strategy: {
          intent: intentOf(`${turnText}\n${korean ?? ''}`),
          focus: top?.metadata['slug'] ?? null,
          cross_sell: (top?.metadata['crossSell'] as string[] | undefined) ?? [],
          upsell: (top?.metadata['upsell'] as string[] | undefined) ?? [],
        },
        tokens: { input: generated.usage.inputTokens, output: generated.usage.outputTokens },
        generator_latency_ms: generated.latencyMs,
        persona: persona?.name ?? null,
        cultural_profile: culture?.countryCode ?? null,
        customer_timezone: tz,
      };

      const internalAsk = asksForInternalData(`${turnText}\n${korean ?? ''}`);
      if (generated.handoff) {
        // Asked only for internal data: a polite refusal, not a handoff.
        if (internalAsk && generated.handoff.reason === 'no_knowledge_match') {
          return finish('', INTERNAL_DATA_REFUSAL[lang]);
        }
        if (infoText && generated.handoff.reason === 'no_knowledge_match') return infoOut();
        guards.push({ rule: 'handoff', status: 'blocked', detail: generated.handoff.reason });
        return handoffOut(generated.handoff.reason, meta);
      }
      if (generated.confidence < minConfidence && infoText) return infoOut();
      if (generated.confidence < minConfidence) {
        guards.push({ rule: 'handoff', status: 'blocked', detail: `low_confidence ${generated.confidence.toFixed(2)}` });
        return handoffOut('low_confidence', meta);
      }

      // The model answered in another language: translate it into the customer's.
      let text = generated.text;
      const replyLang = detector.detectLanguage(text);
      if (isLangCode(replyLang.language) && replyLang.language !== lang && replyLang.confidence >= 0.8) {
        const r = await translator.translate(text, replyLang.language, lang, rt.glossary, { library: rt.library });
        if (r.translated) text = r.text;
      }
      return finish(text, internalAsk ? INTERNAL_DATA_REFUSAL[lang] : undefined);

      /** `lead` (the internal-data refusal) goes before the guarded draft and survives a draft cut to nothing. */
      async function finish(draft: string, lead?: string): Promise<TurnOutput> {
        const ctx: GuardContext = {
          lang,
          turnText: `${turnText}\n${korean ?? ''}`,
          procedures: facts.procedures,
          allowedPrices: facts.allowedPrices,
          internalValues: facts.internalValues,
          knowledgeSlugs: procedureSlugs,
          localize: async (ko, to) => {
            const r = await translator.translate(ko, 'ko', to, rt.glossary, { library: rt.library });
            // Untranslatable prose: the glossary terms it names, in the customer's language; never Korean.
            return r.translated ? r.text : glossaryTermsIn(ko, to, rt.glossary);
          },
          allowedNames: allowedNames(rt),
          // The greeting and preferred expressions are meant to be said; the rest of the prompt is not.
          instructions: [
            systemPrompt
              .split('\n')
              .filter((l) => !(greeting && l.includes(greeting)) && !l.startsWith('Prefer expressions'))
              .join('\n'),
            replyInstructions({ clinicName: rt.name, customerLanguage: lang, systemPrompt, history, turnText, knowledge }),
          ],
          trustedText: [rt.phone ?? '', JSON.stringify(rt.settings), ...knowledge.map((k) => `${k.content}\n${JSON.stringify(k.metadata)}`)].join('\n'),
        };
        const guarded = await runOutputGuards(draft, ctx);
        guards.push(...guarded.results);
        const out =
          lead === undefined
            ? guarded
            : {
                ...guarded,
                handoff: guarded.handoff?.reason === 'reply_blocked' ? undefined : guarded.handoff,
                text: guarded.handoff ? lead : `${lead}\n${guarded.text}`,
              };
        if (out.handoff) return handoffOut(out.handoff.reason, meta);
        let translatedKo: string | null = null;
        if (lang !== 'ko') {
          // The persona's greeting is the clinic's own set phrase, not content staff must read: the Korean
          // rendering is of what follows it (a greeting the glossary lacks made the whole reply untranslatable).
          const body = greeting && out.text.startsWith(greeting) ? out.text.slice(greeting.length).trim() || out.text : out.text;
          let r = await translator.translate(body, lang, 'ko', rt.glossary, { library: rt.library });
          // The end date the local composer put after a staff-written answer is its own template: the
          // answer is translated (library) and the template is said in Korean.
          for (const d of r.translated ? [] : (body.match(/\d{4}-\d{2}-\d{2}/g) ?? [])) {
            const tail = REPLY_TEMPLATES[lang].eventUntil(d);
            if (!body.trimEnd().endsWith(tail)) continue;
            const head = await translator.translate(body.trimEnd().slice(0, -tail.length).trim(), lang, 'ko', rt.glossary, { library: rt.library });
            if (head.translated) r = { ...head, text: `${head.text} ${REPLY_TEMPLATES.ko.eventUntil(d)}` };
          }
          translatedKo = r.translated ? r.text : `${r.note ?? ''} ${r.text}`.trim();
        }
        return {
          text: out.text,
          language: lang,
          translatedKo,
          aiMetadata: { ...meta, guards, latency_ms: Math.round(performance.now() - started) },
        };
      }
    },
  };
}
