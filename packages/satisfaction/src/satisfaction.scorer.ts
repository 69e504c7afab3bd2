import {
  LANGS,
  LEXICON,
  NEGATIVE_EMOJI,
  NEGATIVE_EMOTICONS,
  POLITE_MARKERS,
  POSITIVE_EMOJI,
  POSITIVE_EMOTICONS,
  QUESTION_FORMS,
  REQUEST_FORMS,
  type Lang,
  type LexiconCategory,
} from './lexicon';
import { FLOOR_BOTTOM, FLOOR_CAP, structuralSignals, type FloorLevel } from './structure.signals';

import { SATISFACTION_LEVELS as LEVELS, type SatisfactionLevelName as Level } from '@hub/contracts';

export { LEVELS, type Level };

/** green ≥ 70, yellow ≥ 50, orange ≥ 30, red below. */
export function levelOf(score: number): Level {
  if (score >= 70) return 'green';
  if (score >= 50) return 'yellow';
  if (score >= 30) return 'orange';
  return 'red';
}

/** 0 for green … 3 for red: "worse" compares by rank. */
export const levelRank = (level: Level | string | null | undefined): number => {
  const i = LEVELS.indexOf(level as Level);
  return i < 0 ? -1 : i;
};

/** One reason the score moved: the weight is what it added; evidence is what was seen. */
export interface Signal {
  name: string;
  weight: number;
  evidence?: string[];
  value?: number | string;
  /** For a signal whose kind decides the level on its own: the level it holds the conversation at, at least. */
  floor?: 'yellow' | 'orange' | 'red';
}

export type Sender = 'customer' | 'ai' | 'staff' | 'system';

export interface ScorerMessage {
  id: string;
  sender: Sender;
  text: string;
  language?: string | null;
  /** When the message was sent (platform time for customer messages). */
  at: Date;
  /** For customer messages: the hub message that answered it. */
  answeredById?: string | null;
}

export interface ScorerInput {
  /** The conversation's recent messages, oldest first, including the current one. */
  messages: ScorerMessage[];
  currentMessageId: string;
  now: Date;
  /** The previous computed score of the conversation: the mood carries over. */
  previousScore?: number | null;
  /** The AI handed the conversation to staff and the customer is waiting for a person. */
  handoff?: { active: boolean; reason?: string | null } | null;
}

export interface ScoreResult {
  score: number;
  level: Level;
  languageSignals: Signal[];
  behaviorSignals: Signal[];
  flowSignals: Signal[];
}

export const SCORER_DEFAULTS = Object.freeze({
  baseline: 75,
  /** Share of the previous score's distance from the baseline that carries into this one. */
  carry: 0.7,
});

// ───────────────────────────── text matching ─────────────────────────────

interface Term {
  term: string;
  /** The term's first code point. */
  first: string;
  category: LexiconCategory;
  re: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (s: string) => /^[\p{Script=Latin}\p{N}\s'’\-?!.]+$/u.test(s);

const TERMS: Term[] = (() => {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const [category, byLang] of Object.entries(LEXICON) as [LexiconCategory, Record<Lang, readonly string[]>][]) {
    for (const lang of LANGS) {
      for (const raw of byLang[lang]) {
        const term = raw.normalize('NFC').toLowerCase();
        const key = `${category}:${term}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const body = escapeRe(term);
        // Latin words on letter boundaries ("book" must not match "facebook"); CJK and Hangul as substrings.
        const re = isLatin(term) ? new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu') : new RegExp(body, 'gu');
        out.push({ term, first: String.fromCodePoint(term.codePointAt(0)!), category, re });
      }
    }
  }
  // Longest first so "not good" claims its span before "good" can.
  return out.sort((a, b) => b.term.length - a.term.length);
})();

const NEGATION_BEFORE = /(?:^|[^\p{L}])(not|never|no|isn't|wasn't|aren't|don't|didn't|doesn't|hardly|không|chẳng|chưa)\s+(?:\p{L}+\s+)?$/iu;

type Hits = Map<LexiconCategory, string[]>;

/** Lexicon hits in one text; a matched span is masked so no shorter term inside it counts again. */
export function matchLexicon(text: string): Hits {
  let masked = text.normalize('NFC').toLowerCase();
  const hits: Hits = new Map();
  const add = (c: LexiconCategory, t: string) => {
    const list = hits.get(c);
    if (list) list.push(t);
    else hits.set(c, [t]);
  };
  // Every match of a term's regex is the term itself (only the boundaries are checked around it), so a
  // term whose first character is absent, or which is not a substring, cannot match: that rules out
  // nearly every term before its regex runs. Masking only turns characters into spaces.
  const chars = new Set(masked).add(' ');
  for (const t of TERMS) {
    if (!chars.has(t.first) || !masked.includes(t.term)) continue;
    const found: { index: number; length: number }[] = [];
    t.re.lastIndex = 0;
    for (let m = t.re.exec(masked); m; m = t.re.exec(masked)) found.push({ index: m.index, length: m[0].length });
    for (const f of found) {
      const negated = (t.category === 'positive' || t.category === 'gratitude') && NEGATION_BEFORE.test(masked.slice(Math.max(0, f.index - 30), f.index));
      add(negated ? 'negative' : t.category, negated ? `¬${t.term}` : t.term);
      masked = masked.slice(0, f.index) + ' '.repeat(f.length) + masked.slice(f.index + f.length);
    }
  }
  return hits;
}

/** First hit counts fully, each further hit a little, up to a cap: one angry word is most of the news. */
function tiered(name: string, evidence: string[] | undefined, first: number, extra: number, cap: number): Signal | null {
  if (!evidence?.length) return null;
  const raw = first + extra * (evidence.length - 1);
  const weight = first < 0 ? Math.max(raw, cap) : Math.min(raw, cap);
  return { name, weight, evidence };
}

const NEGATIVE_EMOTICONS_LOWER = NEGATIVE_EMOTICONS.map((e) => e.toLowerCase());
const POSITIVE_EMOTICONS_LOWER = POSITIVE_EMOTICONS.map((e) => e.toLowerCase());

function countOccurrences(text: string, needles: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of needles) {
    let i = text.indexOf(n);
    while (i >= 0) {
      out.push(n);
      i = text.indexOf(n, i + n.length);
    }
  }
  return out;
}

/** The language whose politeness markers apply: script first, then the message's language tag. */
export function politenessLanguage(text: string, hint?: string | null): Lang | null {
  if (/[\uAC00-\uD7A3]/.test(text)) return 'ko';
  if (/[\u3040-\u30FF]/.test(text)) return 'ja';
  if (hint === 'vi' || /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(text)) return 'vi';
  return null;
}

const isPolite = (text: string, lang: Lang) => POLITE_MARKERS[lang]?.test(text.trim()) ?? false;

export const isQuestion = (text: string) => QUESTION_FORMS.test(text.trim());

const normalizeForSimilarity = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function bigrams(s: string): Set<string> {
  const n = normalizeForSimilarity(s);
  const out = new Set<string>();
  for (let i = 0; i < n.length - 1; i++) out.add(n.slice(i, i + 2));
  return out;
}

/** Dice overlap of character bigrams, and how much of the shorter text the longer one contains. */
export function similarity(a: string, b: string): { dice: number; containment: number; size: number } {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 || B.size === 0) return { dice: 0, containment: 0, size: 0 };
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return { dice: (2 * common) / (A.size + B.size), containment: common / Math.min(A.size, B.size), size: Math.min(A.size, B.size) };
}

// ───────────────────────────── the scorer ─────────────────────────────

const isHub = (m: ScorerMessage) => m.sender === 'ai' || m.sender === 'staff';
const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;
const clamp = (n: number) => Math.max(0, Math.min(100, n));
const push = (list: Signal[], s: Signal | null) => {
  if (s && s.weight !== 0) list.push(s);
};

/**
 * Scores the conversation right after one customer message. Pure and deterministic: the same input
 * gives the same score and signals. score = baseline + carried mood + Σ signal weights, clamped 0..100.
 */
export function scoreTurn(input: ScorerInput, options: Partial<typeof SCORER_DEFAULTS> = {}): ScoreResult {
  const { baseline, carry } = { ...SCORER_DEFAULTS, ...options };
  const idx = input.messages.findIndex((m) => m.id === input.currentMessageId);
  if (idx < 0) throw new Error(`scoreTurn: current message ${input.currentMessageId} is not among the messages`);
  const current = input.messages[idx]!;
  const prior = input.messages.slice(0, idx);
  // Time is read at the customer's message: a job retried or queued later must not find a longer wait.
  const now = Math.min(input.now.getTime(), current.at.getTime());
  const text = current.text ?? '';
  const lower = text.normalize('NFC').toLowerCase();

  const language: Signal[] = [];
  const behavior: Signal[] = [];
  const flow: Signal[] = [];

  // A customer message is answered when a reply is linked to it or a hub message followed it.
  const lastHubIdx = prior.map(isHub).lastIndexOf(true);
  const answered = (m: ScorerMessage, i: number) => !!m.answeredById || i < lastHubIdx;
  const priorCustomer = prior.filter((m) => m.sender === 'customer');
  const waitingMsgs = prior.filter((m, i) => m.sender === 'customer' && !answered(m, i));
  const handoffActive = !!input.handoff?.active;
  const lastHub = lastHubIdx >= 0 ? prior[lastHubIdx]! : null;
  // Waiting since the oldest unanswered message, or since the handoff reply when a person was promised.
  const waitingSince = [...waitingMsgs.map((m) => m.at.getTime()), ...(handoffActive && lastHub && lastHub.sender !== 'staff' ? [lastHub.at.getTime()] : [])];
  const waitedMin = waitingSince.length ? minutes(now - Math.min(...waitingSince)) : 0;
  const isWaiting = waitingMsgs.length > 0 || handoffActive;

  // ── language ──
  const hits = matchLexicon(text);
  push(language, tiered('anger', hits.get('anger'), -20, -8, -30));
  push(language, tiered('complaintWords', hits.get('complaint'), -18, -8, -30));
  push(language, tiered('negativeSentiment', hits.get('negative'), -10, -4, -16));
  push(language, tiered('reAsked', hits.get('reAsk'), -18, -4, -22));
  push(language, tiered('impatience', hits.get('impatience'), -10, -4, -14));
  // "hello?" opens many chats; it is impatience only when the customer is actually waiting.
  if (!hits.has('impatience') && isWaiting) push(language, tiered('presenceCheck', hits.get('presenceCheck'), -10, 0, -10));
  const negativeHits = ['anger', 'complaint', 'negative', 'reAsk', 'impatience', 'refundDemand'].filter((c) => hits.has(c as LexiconCategory));
  if (negativeHits.length) push(language, tiered('intensifiedNegative', hits.get('intensifier')?.slice(0, 1), -6, 0, -6));
  push(language, tiered('positiveSentiment', hits.get('positive'), 8, 3, 12));
  push(language, tiered('gratitude', hits.get('gratitude'), 10, 2, 12));

  const politeLang = politenessLanguage(text, current.language);
  if (politeLang && text.replace(/\s/g, '').length >= 6 && !isPolite(text, politeLang)) {
    const wasPolite = priorCustomer.some((m) => politenessLanguage(m.text, m.language) === politeLang && isPolite(m.text, politeLang));
    if (wasPolite) language.push({ name: 'politenessDrop', weight: -8, value: politeLang });
  }

  const letters = text.match(/\p{Script=Latin}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  const latinWords = text.split(/\s+/).filter((w) => /\p{Script=Latin}{2,}/u.test(w));
  if (letters.length >= 8 && latinWords.length >= 2 && upper.length / letters.length >= 0.7) {
    language.push({ name: 'allCaps', weight: -12 });
  } else {
    const shouted = latinWords.filter((w) => /^\p{Lu}{5,}[^\p{L}]*$/u.test(w));
    if (shouted.length) language.push({ name: 'capsEmphasis', weight: -4, evidence: shouted });
  }

  const positiveOnly =
    (hits.has('positive') || hits.has('gratitude')) && !['anger', 'complaint', 'negative', 'reAsk', 'impatience'].some((c) => hits.has(c as LexiconCategory));
  const punct: string[] = [];
  const bangs = text.match(/[!！]{2,}/g) ?? [];
  const queries = text.match(/[?？]{2,}/g) ?? [];
  const mixed = text.match(/[?？][!！]|[!！][?？]/g) ?? [];
  if (bangs.length && !positiveOnly) punct.push(...bangs);
  punct.push(...queries, ...mixed);
  if (punct.length) language.push({ name: 'punctuationRuns', weight: Math.max(-6 * punct.length, -12), evidence: punct });

  push(language, tiered('negativeEmoji', [...countOccurrences(text, NEGATIVE_EMOJI), ...countOccurrences(lower, NEGATIVE_EMOTICONS_LOWER)], -8, -4, -16));
  push(language, tiered('positiveEmoji', [...countOccurrences(text, POSITIVE_EMOJI), ...countOccurrences(lower, POSITIVE_EMOTICONS_LOWER)], 6, 2, 10));

  // ── behaviour ──
  if (waitedMin >= 5) {
    const w = waitedMin >= 60 ? -22 : waitedMin >= 30 ? -16 : waitedMin >= 15 ? -10 : -4;
    behavior.push({ name: 'customerWaiting', weight: w, value: waitedMin });
  }
  if (lastHub) {
    // How long the last hub reply took, counted from the first customer message it answered.
    const answeredByIt = prior.filter(
      (m, i) =>
        m.sender === 'customer' && i < lastHubIdx && (m.answeredById === lastHub.id || (!m.answeredById && !prior.slice(i + 1, lastHubIdx).some(isHub))),
    );
    const first = answeredByIt[0];
    if (first) {
      const delay = minutes(lastHub.at.getTime() - first.at.getTime());
      const w = delay >= 120 ? -10 : delay >= 30 ? -6 : delay >= 10 ? -3 : 0;
      if (w) behavior.push({ name: 'hubReplyDelay', weight: w, value: delay });
    }
  }
  const burst = [...prior.slice(lastHubIdx + 1).filter((m) => m.sender === 'customer'), current];
  const burstSpanMin = minutes(now - burst[0]!.at.getTime());
  if (burst.length >= 3 && burstSpanMin >= 2) behavior.push({ name: 'messageFrequency', weight: burst.length >= 5 ? -8 : -3, value: burst.length });

  // ── flow ──
  if (input.previousScore !== null && input.previousScore !== undefined) {
    const carried = Math.round(carry * (input.previousScore - baseline));
    if (carried !== 0) flow.push({ name: 'carryOver', weight: carried, value: input.previousScore });
  }
  const openQuestions = prior.filter(
    (m, i) => m.sender === 'customer' && !answered(m, i) && (isQuestion(m.text) || REQUEST_FORMS.test(m.text)) && now - m.at.getTime() >= 2 * 60_000,
  );
  if (openQuestions.length) flow.push({ name: 'unansweredQuestions', weight: Math.max(-4 * openQuestions.length, -12), value: openQuestions.length });
  // A handoff a minute or two old is not yet a wait.
  if (handoffActive && waitedMin >= 5) flow.push({ name: 'aiHandoff', weight: -6, ...(input.handoff?.reason ? { value: input.handoff.reason } : {}) });
  push(flow, tiered('refundDemand', hits.get('refundDemand'), -15, 0, -15));
  push(flow, tiered('priceObjection', hits.get('priceObjection'), -12, -4, -16));
  push(flow, tiered('churnThreat', hits.get('churn'), -10, -4, -14));
  push(flow, tiered('humanRequested', hits.get('humanRequest'), -6, 0, -6));
  const negativeLanguage = language.some((s) => s.weight < 0);
  if (!negativeLanguage && !hits.has('priceObjection') && !hits.has('churn') && !hits.has('refundDemand'))
    push(flow, tiered('bookingIntent', hits.get('bookingIntent'), 5, 0, 5));

  // ── kind and structure (structure.signals.ts): threats, symptoms, churn, disengagement, re-asking, waits ──
  const earlierLexicon = new Set(priorCustomer.flatMap((m) => [...matchLexicon(m.text).keys()]));
  const structural = structuralSignals({ messages: [...prior, current], waitedMin, waiting: isWaiting, lexicon: new Set(hits.keys()), earlierLexicon });
  // The structural competitor / churn signals supersede the lexicon's churn words (which name competitors too).
  if (structural.some((s) => s.name === 'competitorComparison' || s.name === 'churnAnnounced'))
    flow.splice(0, flow.length, ...flow.filter((s) => s.name !== 'churnThreat'));
  for (const s of structural)
    flow.push({
      name: s.name,
      weight: s.weight,
      ...(s.evidence ? { evidence: s.evidence } : {}),
      ...(s.value !== undefined ? { value: s.value } : {}),
      ...(s.floor ? { floor: s.floor } : {}),
    });

  const total = [...language, ...behavior, ...flow].reduce((sum, s) => sum + s.weight, 0);
  let score = clamp(Math.round(baseline + total));
  // The worst floor holds the level: politeness, thanks or a good mood carried over do not lift it.
  const floors = structural.filter((s) => s.floor).map((s) => FLOOR_CAP[s.floor!]);
  if (floors.length && score > Math.min(...floors)) {
    const cap = Math.min(...floors);
    flow.push({
      name: 'levelFloor',
      weight: cap - score,
      value: levelOf(cap),
      evidence: structural.filter((s) => s.floor && FLOOR_CAP[s.floor] === cap).map((s) => s.name),
    });
    score = cap;
  }
  // A kind that decides the level also bounds it from below, so a carried mood alone does not push a
  // re-ask or a long wait to red (or a deferral to orange). Red needs red evidence in this turn: a red
  // floor, angry or complaining words, a refund demand, shouting; orange, for a yellow kind, any
  // negative words of its own.
  const worst = structural.reduce<FloorLevel | null>((w, s) => (s.floor && (!w || FLOOR_CAP[s.floor] < FLOOR_CAP[w]) ? s.floor : w), null);
  const redEvidence = ['anger', 'complaint', 'refundDemand'].some((c) => hits.has(c as LexiconCategory)) || language.some((s) => s.name === 'allCaps');
  const negativeWords = redEvidence || ['negative', 'impatience', 'presenceCheck', 'reAsk'].some((c) => hits.has(c as LexiconCategory));
  const bounded = worst === 'orange' ? !redEvidence : worst === 'yellow' ? !negativeWords : false;
  if (worst && bounded && score < FLOOR_BOTTOM[worst]) {
    flow.push({ name: 'levelBound', weight: FLOOR_BOTTOM[worst] - score, value: worst });
    score = FLOOR_BOTTOM[worst];
  }

  return { score, level: levelOf(score), languageSignals: language, behaviorSignals: behavior, flowSignals: flow };
}
