// The LLM judge for clinics on a remote provider: a structured verdict (score, level, signals with
// evidence in the customer's language and for staff) combined with the local scorer, whose rule floors
// (threats, warning signs, explicit complaints…) the judge cannot lift.
import { levelOf, type Level, type ScoreResult, type ScorerMessage, type Signal } from './satisfaction.scorer';
import { FLOOR_CAP } from './structure.signals';

export interface JudgeVerdict {
  score: number;
  level: Level;
  signals: { kind: string; evidence: string; evidenceForStaff: string }[];
  summary: string;
  summaryForStaff: string;
}

export interface SatisfactionJudgeRequest {
  clinicId: string;
  conversationId: string;
  /** The scorer's window, oldest first, ending with the current message. */
  messages: ScorerMessage[];
  currentMessageId: string;
  now: Date;
  waitingForHuman: boolean;
}

/** A second opinion for clinics on a remote provider; null when the clinic has none (local provider). */
export interface SatisfactionJudge {
  judge(request: SatisfactionJudgeRequest, signal: AbortSignal): Promise<JudgeVerdict | null>;
}

const LANGS = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'] as const;
type Lang = (typeof LANGS)[number];

/** What the judge needs of an AI provider (@hub/ai's SatisfactionJudgeProvider has this shape). */
export interface JudgeProviderLike {
  judgeSatisfaction(
    input: {
      customerLanguage: Lang;
      staffLanguage?: Lang;
      messages: { role: 'customer' | 'assistant' | 'staff'; text: string; at: Date }[];
      now: Date;
      waitingForHuman?: boolean;
    },
    options?: { signal?: AbortSignal },
  ): Promise<JudgeVerdict>;
}

/** A judge that asks the clinic's provider; `providerFor` returns null for clinics on the local provider. */
export function providerJudge(providerFor: (clinicId: string) => Promise<JudgeProviderLike | null | undefined>, staffLanguage: Lang = 'ko'): SatisfactionJudge {
  return {
    async judge(req, signal) {
      const provider = await providerFor(req.clinicId);
      if (!provider) return null;
      const current = req.messages.find((m) => m.id === req.currentMessageId);
      const lang = LANGS.find((l) => l === current?.language) ?? 'ko';
      const roles = { customer: 'customer', ai: 'assistant', staff: 'staff' } as const;
      const messages = req.messages.flatMap((m) => (m.sender === 'system' ? [] : [{ role: roles[m.sender], text: m.text, at: m.at }]));
      return provider.judgeSatisfaction({ customerLanguage: lang, staffLanguage, messages, now: req.now, waitingForHuman: req.waitingForHuman }, { signal });
    },
  };
}

/**
 * The judge's score, held under the local rule floors: a threat or a warning sign the rules saw stays red
 * (explicit complaints orange…) whatever the model says. The verdict's reasons travel as signals.
 */
export function combineWithJudge(local: ScoreResult, verdict: JudgeVerdict): ScoreResult {
  const judged = Math.max(0, Math.min(100, Math.round(verdict.score)));
  const floors = [...local.languageSignals, ...local.behaviorSignals, ...local.flowSignals].filter((s) => s.floor);
  const cap = floors.length ? Math.min(...floors.map((s) => FLOOR_CAP[s.floor!])) : 100;
  const score = Math.min(judged, cap);
  const judgement: Signal = {
    name: 'llmJudgement',
    weight: score - local.score,
    value: judged,
    evidence: [verdict.summaryForStaff, verdict.summary].filter(Boolean).map((t) => t.slice(0, 300)),
    ...(score < judged ? { floor: levelOf(cap) as Signal['floor'] } : {}),
  };
  const reasons: Signal[] = verdict.signals
    .slice(0, 8)
    .map((s) => ({ name: `llm:${s.kind}`, weight: 0, evidence: [s.evidence.slice(0, 300), s.evidenceForStaff.slice(0, 300)] }));
  return { ...local, score, level: levelOf(score), flowSignals: [...local.flowSignals, judgement, ...reasons] };
}

/** Runs the judge with a timeout; the local result when there is no judge, it has no opinion, or it fails. */
export async function judgeOrLocal(
  judge: SatisfactionJudge | undefined,
  request: SatisfactionJudgeRequest,
  local: ScoreResult,
  options: { timeoutMs: number; onFailure?: (err: unknown) => void },
): Promise<ScoreResult> {
  if (!judge) return local;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`satisfaction judge timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
  });
  try {
    const verdict = await Promise.race([judge.judge(request, controller.signal), timeout]);
    if (!verdict || !Number.isFinite(verdict.score)) return local;
    return combineWithJudge(local, verdict);
  } catch (err) {
    options.onFailure?.(err);
    return local;
  } finally {
    clearTimeout(timer);
  }
}
