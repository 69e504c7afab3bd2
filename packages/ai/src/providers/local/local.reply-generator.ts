import { libraryAnswer, localized, ProcedureMetadataSchema, type LocalizedText, type ProcedureMetadata } from '../../knowledge-metadata';
import { askedFacts } from './asked-facts';
import type { GeneratedReply, KnowledgeHit, LangCode, ReplyAction, ReplyContext, ReplyGenerator } from '../../provider';
import { detectHandoff, type HandoffReason } from './handoff.rules';
import { detectConcepts } from './lexical.embedder';
import { REPLY_TEMPLATES, type ReplyTemplates } from './reply.templates';

export interface LocalReplyGeneratorOptions {
  /** Knowledge rows scoring below this are ignored; with none left the turn goes to staff. */
  minScore?: number;
}

export const LOCAL_GENERATOR_MODEL = 'local-rules-v1';

/** Words for an event / promotion / discount in the supported languages (vi with and without diacritics). */
const EVENT_WORDS =
  /이벤트|할인|프로모션|キャンペーン|割引|イベント|セール|promo|promotion|\bevent|discount|\bsale\b|\bdeal\b|活动|活動|优惠|優惠|折扣|特价|特價|khuyến mãi|khuyen mai|giảm giá|giam gia|ưu đãi|uu dai/u;

function procedureName(meta: ProcedureMetadata, lang: LangCode): string | undefined {
  return localized(meta.name, lang) ?? localized(meta.name, 'en') ?? meta.slug ?? localized(meta.name, 'ko');
}

function priceText(meta: ProcedureMetadata, t: ReplyTemplates, lang: LangCode): string | undefined {
  let price: string | undefined;
  if (meta.priceMinKrw !== undefined && meta.priceMaxKrw !== undefined) {
    price = t.range(t.formatKrw(meta.priceMinKrw), t.formatKrw(meta.priceMaxKrw));
  } else if (meta.priceKrw !== undefined) price = t.formatKrw(meta.priceKrw);
  else if (meta.priceMinKrw !== undefined) price = t.range(t.formatKrw(meta.priceMinKrw), '');
  if (price === undefined) return undefined;
  const note = localized(meta.priceNote, lang);
  const until = meta.eventEndDate ? ` ${t.eventUntil(meta.eventEndDate)}` : '';
  return `${note ? `${price} (${note})` : price}${until}`;
}

/** Facts of one procedure the customer asked about, in their language; undefined when none is available. */
function procedureReply(
  hit: KnowledgeHit,
  lang: LangCode,
  asked: Set<string>,
): { text: string; meta: ProcedureMetadata; parts: number; untranslated?: boolean } | undefined {
  const parsed = ProcedureMetadataSchema.safeParse(hit.metadata);
  if (!parsed.success) return undefined;
  const meta = parsed.data;
  const t = REPLY_TEMPLATES[lang];
  const name = procedureName(meta, lang);
  if (!name) return undefined;
  const specific = SPECIFIC_FACTS.some((k) => asked.has(k));
  const want = (k: string) => !specific || asked.has(k);
  const parts: string[] = [];
  // An asked fact that exists only in another language: not said half in Korean, and not left out silently.
  let untranslated = false;
  const say = (k: string, text: LocalizedText | undefined, render: (x: string) => string, always = false) => {
    if (!(always ? asked.has(k) : want(k))) return;
    const own = localized(text, lang);
    if (own) parts.push(render(own));
    else if (text !== undefined && asked.has(k)) untranslated = true;
  };
  const price = priceText(meta, t, lang);
  if (want('price') && price) parts.push(t.price(name, price));
  say('downtime', meta.downtime, (d) => t.downtime(name, d));
  say('side_effects', meta.sideEffects, (x) => t.sideEffects(name, x));
  if (asked.has('pain') && meta.painLevel !== undefined) parts.push(t.pain(name, meta.painLevel));
  say('effect_duration', meta.effectDuration, (d) => t.effectDuration(name, d), true);
  say('aftercare', meta.aftercare, (a) => t.aftercare(name, a), true);
  if (asked.has('package_terms'))
    for (const terms of meta.packageTerms ?? []) if (terms.validityMonths || terms.intervalDays) parts.push(t.packageTerms(name, terms));
  if (parts.length === 0) return untranslated ? { text: '', meta, untranslated, parts: 0 } : undefined;
  return { text: parts.join(' '), meta, parts: parts.length, ...(untranslated ? { untranslated } : {}) };
}

/**
 * The fullest answer among one procedure's rows (a price line row carries the price only, the procedure
 * row the price range and its facts): most facts, then the best-ranked. Ties keep the earlier row.
 */
function bestProcedureReply(rows: KnowledgeHit[], lang: LangCode, asked: Set<string>) {
  let best: (NonNullable<ReturnType<typeof procedureReply>> & { hit: KnowledgeHit }) | undefined;
  for (const hit of rows) {
    const r = procedureReply(hit, lang, asked);
    if (r && (!best || r.parts > best.parts || (best.untranslated && !r.untranslated && r.parts === best.parts))) best = { ...r, hit };
  }
  return best;
}

/** Facts only the procedure's own row holds (a library answer is not preferred for them). */
const OWN_FACTS = ['side_effects', 'pain', 'effect_duration', 'aftercare', 'downtime', 'package_terms'] as const;
/** Response-library categories whose answers are about care after a procedure (they may stand in for its own care facts). */
const CARE_CATEGORIES = new Set(['aftercare', 'wash_makeup', 'same_day', 'followup', 'filler_safety']);

/** Facts a question can ask for by name; asking any of them narrows the answer to those asked. */
const SPECIFIC_FACTS = ['price', 'downtime', 'side_effects', 'pain', 'effect_duration', 'aftercare', 'package_terms'] as const;

/** The embedder's concepts plus the facts only the local generator reads (aftercare, how long it lasts, symptoms, back to work). */
export function askedOf(text: string): Set<string> {
  const asked = new Set<string>(detectConcepts(text));
  for (const f of askedFacts(text)) asked.add(f === 'symptoms' ? 'side_effects' : f);
  return asked;
}

function documentReply(hit: KnowledgeHit, lang: LangCode): string | undefined {
  const answer = libraryAnswer(hit.metadata, lang);
  if (answer) return answer;
  if (hit.metadata['language'] === lang && hit.content.trim()) return hit.content.trim();
  return undefined;
}

/**
 * Deterministic reply from the retrieved knowledge, no model: a response-library answer in the customer's
 * language, else procedure facts through per-language templates. Hands off on explicit requests, complaints,
 * emergencies, and whenever nothing usable matched: it never makes an answer up.
 */
export class LocalReplyGenerator implements ReplyGenerator {
  readonly name = 'local';
  private readonly minScore: number;

  constructor(options: LocalReplyGeneratorOptions = {}) {
    this.minScore = options.minScore ?? 0.25;
  }

  async generateReply(ctx: ReplyContext): Promise<GeneratedReply> {
    const started = performance.now();
    const lang = ctx.customerLanguage;
    const t = REPLY_TEMPLATES[lang];
    const done = (text: string, confidence: number, extra: Partial<GeneratedReply> = {}): GeneratedReply => ({
      text,
      model: LOCAL_GENERATOR_MODEL,
      usage: { inputTokens: 0, outputTokens: 0 },
      latencyMs: Math.round(performance.now() - started),
      confidence: Math.max(0, Math.min(1, confidence)),
      metadata: { provider: this.name },
      ...extra,
    });
    const handoff = (reason: HandoffReason, confidence: number) => done(t.handoff[reason], confidence, { handoff: { reason } });

    const ruled = detectHandoff(ctx.turnText);
    if (ruled) return handoff(ruled, 1);

    const asked = askedOf(ctx.turnText);
    // "Is there a discount / is the event still on?" asks for the price.
    if (EVENT_WORDS.test(ctx.turnText.toLowerCase())) asked.add('price');
    // A procedure the customer named is relevant whatever its score (short questions score low).
    const ranked = [...ctx.knowledge].filter((h) => h.score >= this.minScore || h.metadata['named'] === true).sort((a, b) => b.score - a.score);
    const best = ranked[0]?.score ?? 0;
    // Only rows about as relevant as the best: a weaker row that happens to carry the asked fact is
    // likely another procedure, and answering with it would be wrong.
    const hits = ranked.filter((h) => h.score >= best - 0.15 || h.metadata['named'] === true);

    let body: string | undefined;
    let used: KnowledgeHit | undefined;
    let procedure: ProcedureMetadata | undefined;
    // Several procedures named ("A and B, how much each?"): the facts of each, best-ranked row per procedure.
    const namedRows = new Map<string, KnowledgeHit[]>();
    for (const h of [...ctx.knowledge].sort((a, b) => b.score - a.score)) {
      const s = h.metadata['slug'];
      if (h.sourceType === 'procedure' && h.metadata['named'] === true && typeof s === 'string') namedRows.set(s, [...(namedRows.get(s) ?? []), h]);
    }
    const namedBySlug = new Map([...namedRows].map(([s, rows]) => [s, rows[0]!]));
    // A staff answer on the message's side topic (flying home, the deposit) answers first.
    const onTopic = [...ctx.knowledge].sort((a, b) => b.score - a.score).find((h) => h.metadata['onTopic'] === true);
    const topicBody = onTopic ? documentReply(onTopic, lang) : undefined;
    if (onTopic && topicBody) {
      body = topicBody;
      used = onTopic;
    }
    if (!body && namedRows.size >= 2) {
      const parts = [...namedRows.values()].map((rows) => bestProcedureReply(rows, lang, asked)).filter((r) => r !== undefined);
      if (parts.some((r) => r.untranslated)) return handoff('no_knowledge_match', best);
      if (parts.length === namedRows.size) {
        body = parts.map((r) => r.text).join('\n');
        used = parts[0]!.hit;
      }
    }
    // One named procedure and a question about its own care, symptoms, pain or how long it lasts: its
    // facts answer (a library text covers many procedures at once, or another one).
    // Its facts exist only in Korean: a staff answer written in the customer's language may still answer
    // (below); failing that, staff do, rather than a reply in two languages.
    let ownFactsUntranslated = false;
    if (!body && namedRows.size === 1 && OWN_FACTS.some((k) => asked.has(k))) {
      const r = bestProcedureReply([...namedRows.values()][0]!, lang, asked);
      if (r?.untranslated) ownFactsUntranslated = true;
      else if (r) {
        body = r.text;
        used = r.hit;
        procedure = r.meta;
      }
    }
    // A library answer close to the best hit wins over templated facts: staff wrote it. In place of a
    // procedure's own care facts, only a staff answer on care will do (not the price row the name found).
    for (const hit of body ? [] : hits) {
      if (hit.sourceType === 'procedure') continue;
      if (ownFactsUntranslated && !CARE_CATEGORIES.has(String(hit.metadata['category']))) continue;
      body = documentReply(hit, lang);
      if (body) {
        used = hit;
        break;
      }
    }
    if (!body && ownFactsUntranslated) return handoff('no_knowledge_match', best);
    if (!body) {
      for (const hit of hits) {
        const r = hit.sourceType === 'procedure' ? procedureReply(hit, lang, asked) : undefined;
        if (r?.untranslated) return handoff('no_knowledge_match', best);
        const text = r?.text ?? (hit.sourceType === 'procedure' ? undefined : documentReply(hit, lang));
        if (text) {
          body = text;
          used = hit;
          procedure = r?.meta;
          break;
        }
      }
    }
    if (!body || !used) return handoff('no_knowledge_match', best);
    // A staff-written answer about an event price says until when it runs, when our facts know it.
    if (asked.has('price') || EVENT_WORDS.test(ctx.turnText.toLowerCase())) {
      // The answer's procedure: its own slug, else the one procedure the customer named.
      const namedSlugs = [...namedBySlug.keys()];
      const s = used.metadata['slug'] ?? (namedSlugs.length === 1 ? namedSlugs[0] : undefined);
      const end =
        s === undefined
          ? undefined
          : ctx.knowledge.find((k) => k.metadata['slug'] === s && typeof k.metadata['eventEndDate'] === 'string')?.metadata['eventEndDate'];
      if (typeof end === 'string' && !body.includes(end)) body = `${body} ${t.eventUntil(end)}`;
    }

    const actions: ReplyAction[] = [];
    const enabled = new Set(ctx.tools ?? []);
    const slug = procedure?.slug ?? (typeof used.metadata['slug'] === 'string' ? used.metadata['slug'] : undefined);
    if (slug && enabled.has('quote_price') && asked.has('price')) actions.push({ name: 'quote_price', input: { procedure_slug: slug } });
    const wantsBooking = asked.has('booking');
    if (slug && enabled.has('propose_booking') && wantsBooking) {
      actions.push({ name: 'propose_booking', input: { procedure_slug: slug } });
    }

    const firstReply = !ctx.history.some((m) => m.role === 'assistant' || m.role === 'staff');
    const lines = [firstReply && ctx.greeting ? ctx.greeting : undefined, body, wantsBooking ? t.bookingInvite : undefined];
    const confidence = used.metadata['named'] === true ? Math.max(used.score, this.minScore) : used.score;
    return done(lines.filter(Boolean).join('\n'), confidence, actions.length ? { actions } : {});
  }
}
