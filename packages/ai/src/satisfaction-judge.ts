import { LANGUAGE_NAMES } from './prompts';
import {
  JUDGE_SIGNAL_KINDS,
  ProviderError,
  SATISFACTION_LEVELS,
  SatisfactionVerdictSchema,
  type SatisfactionJudgeInput,
  type SatisfactionVerdict,
} from './provider';

/**
 * The satisfaction judge's request, written once and rendered into each SDK's structured-output form
 * (Anthropic: a forced tool; OpenAI: response_format json_schema, strict).
 */
export const JUDGE_TOOL_NAME = 'record_satisfaction_verdict';

/** JSON Schema of SatisfactionVerdictSchema; strict-mode compatible (every property required, no extras). */
export const JUDGE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    score: { type: 'integer', minimum: 0, maximum: 100, description: '0 = furious or in danger, 100 = delighted' },
    level: { type: 'string', enum: [...SATISFACTION_LEVELS] },
    signals: {
      type: 'array',
      maxItems: 8,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: JUDGE_SIGNAL_KINDS },
          evidence: { type: 'string', description: "the customer's words, in the customer's language" },
          evidenceForStaff: { type: 'string', description: 'the same evidence translated into the staff language' },
        },
        required: ['kind', 'evidence', 'evidenceForStaff'],
      },
    },
    summary: { type: 'string', description: "one sentence, in the customer's language" },
    summaryForStaff: { type: 'string', description: 'the same sentence in the staff language' },
  },
  required: ['score', 'level', 'signals', 'summary', 'summaryForStaff'],
} as const;

export function judgeSystemPrompt(input: SatisfactionJudgeInput): string {
  const staff = LANGUAGE_NAMES[input.staffLanguage ?? 'ko'];
  return [
    "You judge a customer's satisfaction in a chat with a Korean aesthetic clinic, right after the customer's last message.",
    `The customer writes ${LANGUAGE_NAMES[input.customerLanguage]}; staff read ${staff}.`,
    'Levels: green (score 70-100) content or neutral: questions, thanks, bookings; yellow (50-69) needs a look: price hesitation,',
    'confusion, comparing prices with another clinic, a short non-committal reply to a real question, a first nudge after a short wait;',
    'orange (30-49) clearly dissatisfied but engaged: the same question asked again, annoyance after a long wait, a complaint,',
    'lingering mild swelling or bruising after a treatment however politely described;',
    'red (0-29): any threat (report, public review, lawyer, authorities) however polite, announcing they go to a competitor,',
    'warning signs after a treatment (colour change, worsening pain), anger, being ignored for hours.',
    'Judge the customer, not the clinic. Quote evidence in the customer language and translate it for staff.',
    `Answer only through the structured output (${JUDGE_TOOL_NAME}).`,
  ].join('\n');
}

/** The conversation as one user message: roles, minutes before now, and whether a person is awaited. */
export function judgeTranscript(input: SatisfactionJudgeInput): string {
  const lines = input.messages.map((m) => {
    const ago = Math.max(0, Math.round((input.now.getTime() - m.at.getTime()) / 60_000));
    return `[${m.role}, ${ago} min ago] ${m.text}`;
  });
  if (input.waitingForHuman) lines.push('(The AI handed the conversation to staff; no staff member has written since.)');
  return lines.join('\n');
}

/** Validates a model's output against the schema; a malformed verdict is a permanent error of this call. */
export function parseVerdict(provider: string, raw: unknown): SatisfactionVerdict {
  const parsed = SatisfactionVerdictSchema.safeParse(raw);
  if (!parsed.success)
    throw new ProviderError('permanent', provider, 'bad_judge_output', `satisfaction verdict does not match the schema: ${parsed.error.message.slice(0, 200)}`);
  return { ...parsed.data, score: Math.round(parsed.data.score) };
}
