import { z } from 'zod';

/** Languages the hub serves; anything else is passed through as the detector's ISO 639-1 code. */
export const LANG_CODES = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'] as const;
export type LangCode = (typeof LANG_CODES)[number];
/** A served language, 'und' (undetermined) or another ISO 639-1 code such as 'th'. */
export type DetectedLanguage = LangCode | 'und' | (string & {});

export function isLangCode(code: string): code is LangCode {
  return (LANG_CODES as readonly string[]).includes(code);
}

// ---------------------------------------------------------------------------
// Embeddings

export const EMBEDDING_DIMENSIONS = 1536;

export interface EmbeddingProvider {
  /** 'local' | 'openai'. Store name + model beside each vector: vectors of different models never mix. */
  readonly name: string;
  readonly model: string;
  readonly dimensions: typeof EMBEDDING_DIMENSIONS;
  embed(texts: string[]): Promise<number[][]>;
}

// ---------------------------------------------------------------------------
// Language detection

export interface LanguageDetection {
  language: DetectedLanguage;
  /** 0..1 */
  confidence: number;
}

export interface LanguageDetector {
  detectLanguage(text: string): LanguageDetection;
}

// ---------------------------------------------------------------------------
// Translation

/** One clinic glossary row: the Korean term and its must-use translations. */
export const GlossaryEntrySchema = z.object({
  ko: z.string().min(1),
  en: z.string().optional(),
  ja: z.string().optional(),
  zh: z.string().optional(),
  zhTW: z.string().optional(),
  vi: z.string().optional(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export type GlossaryKey = keyof GlossaryEntry;

export function glossaryKey(lang: LangCode): GlossaryKey {
  return lang === 'zh-TW' ? 'zhTW' : lang;
}

export const QuestionAnswerSchema = z.object({ question: z.string(), answer: z.string() });
export type QuestionAnswer = z.infer<typeof QuestionAnswerSchema>;

/** A response-library entry: the Korean original and its stored (staff-approved) translations. */
export const LibraryEntrySchema = z.object({
  ko: QuestionAnswerSchema,
  translations: z.partialRecord(z.enum(LANG_CODES), QuestionAnswerSchema),
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

export type TranslationMethod = 'llm' | 'library' | 'glossary' | 'identity';

export interface TranslationResult {
  text: string;
  /** False when the text could not really be translated; `note` then says so in the target language. */
  translated: boolean;
  method: TranslationMethod;
  note?: string;
}

export interface TranslateOptions {
  /** Stored translations; a (near-)exact match is returned instead of a fresh translation. */
  library?: LibraryEntry[];
}

export interface Translator {
  translate(text: string, from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[], options?: TranslateOptions): Promise<TranslationResult>;
}

// ---------------------------------------------------------------------------
// Reply generation

export type HistoryRole = 'customer' | 'assistant' | 'staff';
export interface HistoryMessage {
  role: HistoryRole;
  text: string;
}

/** A retrieved knowledge row. See knowledge-metadata.ts for the metadata shapes the local generator reads. */
export interface KnowledgeHit {
  sourceType: 'procedure' | 'response_library' | 'faq' | 'document' | (string & {});
  sourceId: string;
  content: string;
  metadata: Record<string, unknown>;
  /** Similarity 0..1 (cosine), higher is better. */
  score: number;
}

/** Structured actions the model may take; `request_human` is always offered. */
export const REPLY_TOOL_NAMES = ['request_human', 'quote_price', 'propose_booking'] as const;
export type ReplyToolName = (typeof REPLY_TOOL_NAMES)[number];
export type ReplyActionName = Exclude<ReplyToolName, 'request_human'>;

export interface ReplyContext {
  clinicName: string;
  customerLanguage: LangCode;
  /** Persona and policy, already assembled. Knowledge is NOT inside: providers render `knowledge` themselves. */
  systemPrompt: string;
  /** Persona greeting in the customer's language; the local generator opens a conversation with it. */
  greeting?: string;
  /** Earlier messages, oldest first, excluding this turn. */
  history: HistoryMessage[];
  /** The customer messages of this turn, joined. */
  turnText: string;
  /** Retrieved rows, best first. */
  knowledge: KnowledgeHit[];
  /** Enabled structured actions besides request_human (default: none). */
  tools?: ReplyActionName[];
}

export interface ReplyAction {
  name: ReplyActionName;
  input: Record<string, unknown>;
}

export interface GeneratedReply {
  /** Text to send; may be empty when the model only handed off. */
  text: string;
  /** Present when the generator decided (via the request_human tool or a local rule) that staff must take over. */
  handoff?: { reason: string };
  actions?: ReplyAction[];
  model: string;
  usage: { inputTokens: number; outputTokens: number };
  latencyMs: number;
  /** 0..1: the strength of the grounding (best knowledge score), lowered when the model stopped early. */
  confidence: number;
  metadata?: {
    provider: string;
    /** The remote provider failed transiently and the local generator answered instead. */
    failover?: boolean;
    failoverFrom?: string;
    failoverError?: string;
    stopReason?: string;
  };
}

export interface ReplyGenerator {
  readonly name: string;
  generateReply(ctx: ReplyContext): Promise<GeneratedReply>;
}

// ---------------------------------------------------------------------------
// Errors

/**
 * transient: retry later (rate limit, 5xx, overload, timeout, connection); auth: the key is wrong or revoked
 * (alert the clinic); permanent: the request itself is wrong (do not retry).
 */
export type ProviderErrorKind = 'transient' | 'auth' | 'permanent';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    readonly provider: string,
    /** Stable code, e.g. 'rate_limited', 'timeout', 'invalid_api_key', 'missing_api_key'. */
    readonly code: string,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(`[${provider}] ${message}`, { cause: options.cause });
    this.name = 'ProviderError';
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}

export function isProviderError(err: unknown, kind?: ProviderErrorKind): err is ProviderError {
  return err instanceof ProviderError && (kind === undefined || err.kind === kind);
}

// ---------------------------------------------------------------------------
// Satisfaction judgement (remote providers only; the local scorer lives in @hub/satisfaction)

export const SATISFACTION_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export type SatisfactionLevelName = (typeof SATISFACTION_LEVELS)[number];

/** The kinds of signal a satisfaction judge may name (the zod schema and the JSON schema read this list). */
export const JUDGE_SIGNAL_KINDS = [
  'threat',
  'symptom',
  'emergency',
  'competitor',
  'churn',
  'disengaged',
  'repeated',
  'waiting',
  'complaint',
  'hesitation',
  'confusion',
  'positive',
  'other',
] as const;

/** One reason behind a verdict: its kind, the customer's words, and the same evidence for staff. */
export const JudgeSignalSchema = z.object({
  kind: z.enum(JUDGE_SIGNAL_KINDS),
  /** Quoted or paraphrased from the conversation, in the customer's language. */
  evidence: z.string().max(300),
  /** The same evidence translated into the staff language. */
  evidenceForStaff: z.string().max(300),
});
export type JudgeSignal = z.infer<typeof JudgeSignalSchema>;

export const SatisfactionVerdictSchema = z.object({
  score: z.number().min(0).max(100),
  level: z.enum(SATISFACTION_LEVELS),
  signals: z.array(JudgeSignalSchema).max(8),
  /** One sentence in the customer's language. */
  summary: z.string().max(500),
  /** The same sentence in the staff language. */
  summaryForStaff: z.string().max(500),
});
export type SatisfactionVerdict = z.infer<typeof SatisfactionVerdictSchema>;

export interface SatisfactionJudgeInput {
  customerLanguage: LangCode;
  /** The language staff read (default ko). */
  staffLanguage?: LangCode;
  /** The conversation's recent messages, oldest first; the last customer message is the one judged. */
  messages: { role: HistoryRole; text: string; at: Date }[];
  now: Date;
  /** The AI handed the conversation to staff and nobody has written since. */
  waitingForHuman?: boolean;
}

export interface SatisfactionJudgeOptions {
  /** Aborts the request (the caller's timeout). */
  signal?: AbortSignal;
}

/** A model's structured verdict on the customer's satisfaction (tool use / JSON schema output). */
export interface SatisfactionJudgeProvider {
  readonly name: string;
  readonly model: string;
  judgeSatisfaction(input: SatisfactionJudgeInput, options?: SatisfactionJudgeOptions): Promise<SatisfactionVerdict>;
}

// ---------------------------------------------------------------------------
// Conversation summary and intents (remote providers: a model's structured output; local: rules)

/** What a conversation is about, in a fixed vocabulary: the console filters and shows these. */
export const CONVERSATION_INTENTS = [
  'price',
  'booking',
  'procedure_info',
  'aftercare',
  'side_effect',
  'complaint',
  'emergency',
  'human_request',
  'hours_location',
  'payment_refund',
  'other',
] as const;
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];

export const ConversationSummarySchema = z.object({
  /** Two or three sentences in Korean, for staff. */
  summary: z.string().min(1).max(600),
  intents: z.array(z.enum(CONVERSATION_INTENTS)).min(1).max(CONVERSATION_INTENTS.length),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export interface ConversationSummaryInput {
  customerLanguage: LangCode;
  /** The conversation's recent messages, oldest first; `korean` is a stored Korean rendering, when there is one. */
  messages: { role: HistoryRole; text: string; korean?: string | null }[];
  /** The AI handed the conversation to staff (why), if it did. */
  handoffReason?: string | null;
}

/** A model's structured summary of a conversation, in Korean for staff (tool use / JSON schema output). */
export interface ConversationSummarizer {
  readonly name: string;
  readonly model: string;
  summarizeConversation(input: ConversationSummaryInput, options?: { signal?: AbortSignal }): Promise<ConversationSummary>;
}
