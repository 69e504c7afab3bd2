// Signals of kind and structure: what the customer's turn is (a threat, a symptom, churn, a deferral) read
// with the conversation around it (what the hub asked, what it answered, how long the customer waited).
// Each signal carries a weight and, where its kind decides the level on its own, a floor: the level the
// conversation is at least at ("any threat is red, however politely worded").
import { conceptTerms, fold, hasConcept, normalizeForConcepts, type Concept } from './concepts';
import { QUESTION_FORMS, REQUEST_FORMS } from './lexicon';

export type FloorLevel = 'yellow' | 'orange' | 'red';

export interface StructuralSignal {
  name: string;
  weight: number;
  evidence?: string[];
  value?: number | string;
  /** The level this signal holds the conversation at, at least. */
  floor?: FloorLevel;
}

export interface StructureMessage {
  sender: 'customer' | 'ai' | 'staff' | 'system';
  text: string;
  at: Date;
}

export interface StructureInput {
  /** Oldest first; the last one is the customer turn being scored. */
  messages: StructureMessage[];
  /** Minutes since the oldest unanswered customer message (or the handoff reply), 0 when not waiting. */
  waitedMin: number;
  /** The customer is waiting: unanswered messages or a handoff to staff. */
  waiting: boolean;
  /** Lexicon categories seen in the turn (satisfaction.scorer's matchLexicon). */
  lexicon: ReadonlySet<string>;
  /** Lexicon categories seen in earlier customer turns. */
  earlierLexicon: ReadonlySet<string>;
}

/** Score bands: a floor caps the score at the top of its band (levelOf: green ≥ 70, yellow ≥ 50, orange ≥ 30). */
export const FLOOR_CAP: Record<FloorLevel, number> = { yellow: 65, orange: 45, red: 25 };
/** The bottom of each floor's band. */
export const FLOOR_BOTTOM: Record<FloorLevel, number> = { yellow: 50, orange: 30, red: 0 };

/** Waiting thresholds in minutes (labelling guide: nudge ~8–15 → yellow, 40–55 → orange, > 3 h → red). */
export const WAIT_FLOORS = Object.freeze({ yellow: 8, orange: 30, red: 150 });

const isHub = (m: StructureMessage) => m.sender === 'ai' || m.sender === 'staff';

/** The hub asked something: a question mark, or a question form in any of its sentences. */
export function hubAsked(text: string): boolean {
  if (/[?？]/.test(text)) return true;
  return text.split(/[.!。！\n]+/).some((s) => QUESTION_FORMS.test(s.trim()));
}

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
const latinWords = (s: string) => s.split(/\s+/).filter((w) => /\p{Script=Latin}/u.test(w)).length;

/** A reply with next to no content: up to three Latin words, or a few CJK / Hangul characters. */
export function isShortReply(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  const latin = latinWords(t);
  if (latin > 0 && latin === t.split(/\s+/).length) return latin <= 3 && letters(t) <= 16;
  return letters(t) <= 8;
}

/** Character n-grams of a folded text (trigrams for Latin script, bigrams for CJK and Hangul). */
export function ngrams(text: string): Set<string> {
  const s = fold(text).replace(/[^\p{L}\p{N}]/gu, '');
  const latin = (s.match(/\p{Script=Latin}/gu) ?? []).length > s.length / 2;
  const n = latin ? 3 : 2;
  const out = new Set<string>();
  for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n));
  return out;
}

/**
 * How much of an earlier customer question comes back in this turn without the hub having addressed it:
 * the n-grams both customer turns share, less those the hub's replies in between contain (a follow-up on
 * what the hub said shares words with the reply; a re-ask shares words the reply never mentioned).
 */
export function unansweredOverlap(earlier: string, current: string, hubBetween: string[]): { shared: number; ratio: number } {
  const A = ngrams(earlier);
  const B = ngrams(current);
  const hub = new Set(hubBetween.flatMap((t) => [...ngrams(t)]));
  let shared = 0;
  for (const g of A) if (B.has(g) && !hub.has(g)) shared++;
  const size = Math.min(A.size, B.size);
  return { shared, ratio: size ? shared / size : 0 };
}

const looksLikeQuestion = (t: string) => QUESTION_FORMS.test(t.trim()) || REQUEST_FORMS.test(t) || /[?？]/.test(t);

export function structuralSignals(input: StructureInput): StructuralSignal[] {
  const { messages, lexicon } = input;
  const current = messages[messages.length - 1]!;
  const prior = messages.slice(0, -1);
  const text = normalizeForConcepts(current.text ?? '');
  const has = (c: Concept) => hasConcept(text, c);
  const terms = (c: Concept) => conceptTerms(text, c);
  const window = messages.map((m) => normalizeForConcepts(m.text ?? ''));
  const windowHas = (c: Concept) => window.some((t) => hasConcept(t, c));
  const hubWindowHas = (c: Concept) => messages.some((m, i) => isHub(m) && hasConcept(window[i]!, c));
  const out: StructuralSignal[] = [];

  const lastHubIdx = prior.map(isHub).lastIndexOf(true);
  const lastHub = lastHubIdx >= 0 ? prior[lastHubIdx]! : null;
  const directReply = lastHubIdx === prior.length - 1;
  const positive = lexicon.has('positive') || lexicon.has('gratitude') || has('enthusiasm');
  const grievance =
    ['anger', 'complaint', 'negative', 'refundDemand'].some((c) => lexicon.has(c) || input.earlierLexicon.has(c)) ||
    hubWindowHas('apology') ||
    windowHas('symptom');

  // ── threats: legal or public ones always; a review only with a condition or a grievance behind it ──
  const legal = [...terms('threatLegal'), ...terms('threatPublic')];
  const review = terms('reviewVenue');
  const reviewThreat = review.length > 0 && (has('conditional') || grievance) && (has('publishIntent') || has('conditional')) && !(positive && !grievance);
  if (legal.length || reviewThreat) out.push({ name: 'threat', weight: -30, evidence: [...legal, ...(reviewThreat ? review : [])], floor: 'red' });

  // ── symptoms after a treatment: reported (not asked about in general), whatever the politeness ──
  const symptoms = terms('symptom');
  const warning = terms('warningSign');
  const improving = has('improving');
  const treated = windowHas('treatmentContext');
  if (warning.length && (symptoms.length || treated)) {
    out.push({ name: 'warningSymptom', weight: -30, evidence: [...warning, ...symptoms], floor: 'red' });
  } else if (
    symptoms.length &&
    !improving &&
    (has('persistence') || (!looksLikeQuestion(current.text) && !has('generalQuestion') && !has('anticipation') && !has('reAskMarker')))
  ) {
    out.push({ name: 'symptomReported', weight: -18, evidence: symptoms, floor: 'orange' });
  }

  // ── competitors and churn ──
  const competitor = terms('competitor');
  const decided = terms('churnDecision');
  const final = terms('churnFinal');
  if (final.length || (competitor.length && decided.length)) {
    out.push({ name: 'churnAnnounced', weight: -25, evidence: [...final, ...competitor, ...decided], floor: 'red' });
  } else if (competitor.length) {
    out.push({ name: 'competitorComparison', weight: -8, evidence: competitor, floor: 'yellow' });
  }

  // ── disengagement: a short, non-committal reply right after the hub asked something ──
  const deferral = terms('deferral');
  if (deferral.length) {
    out.push({ name: 'deferral', weight: -8, evidence: deferral, floor: 'yellow' });
  } else if (
    lastHub &&
    directReply &&
    hubAsked(lastHub.text) &&
    isShortReply(current.text) &&
    !looksLikeQuestion(current.text) &&
    !positive &&
    !has('affirmative') &&
    !lexicon.has('bookingIntent')
  ) {
    out.push({ name: 'disengagedReply', weight: -8, evidence: [current.text.trim().slice(0, 40)], floor: 'yellow' });
  }
  const confusion = terms('confusion');
  if (confusion.length) out.push({ name: 'confusion', weight: -6, evidence: confusion, floor: 'yellow' });

  // ── the same question again, after the hub replied without answering it ──
  const asksAgain = looksLikeQuestion(current.text) || has('reAskMarker');
  if (asksAgain) {
    const repeats: string[] = [];
    prior.forEach((m, i) => {
      if (m.sender !== 'customer' || !looksLikeQuestion(m.text)) return;
      const hubBetween = prior
        .slice(i + 1)
        .filter(isHub)
        .map((h) => h.text);
      if (!hubBetween.length) return;
      const o = unansweredOverlap(m.text, current.text, hubBetween);
      const enough = has('reAskMarker') ? o.shared >= 2 && o.ratio >= 0.2 : o.shared >= 3 && o.ratio >= 0.3;
      if (enough) repeats.push(m.text.slice(0, 60));
    });
    if (repeats.length) out.push({ name: 'repeatedQuestion', weight: repeats.length === 1 ? -15 : -20, evidence: repeats, floor: 'orange' });
  }

  // ── waiting: time since the oldest unanswered message (or the handoff) ──
  if (input.waiting) {
    const w = input.waitedMin;
    // Within a band, a longer wait still scores lower.
    const beyond = (from: number, per: number) => -Math.min(12, Math.round((w - from) / per));
    if (w >= WAIT_FLOORS.red) out.push({ name: 'waitIgnored', weight: beyond(WAIT_FLOORS.red, 30), value: w, floor: 'red' });
    else if (w >= WAIT_FLOORS.orange && !has('relaxed')) out.push({ name: 'waitLong', weight: beyond(WAIT_FLOORS.orange, 10), value: w, floor: 'orange' });
    else if (w >= WAIT_FLOORS.yellow && !has('relaxed')) out.push({ name: 'waitNudge', weight: 0, value: w, floor: 'yellow' });
  }

  // ── explicit complaints and refund demands stay at least orange ──
  if (lexicon.has('complaint') || lexicon.has('anger') || lexicon.has('refundDemand')) out.push({ name: 'explicitComplaint', weight: 0, floor: 'orange' });

  return out;
}
