import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type {
  ConversationSummarizer,
  ConversationSummary,
  ConversationSummaryInput,
  GeneratedReply,
  GlossaryEntry,
  LangCode,
  LanguageDetection,
  LanguageDetector,
  ReplyContext,
  ReplyGenerator,
  SatisfactionJudgeInput,
  SatisfactionJudgeOptions,
  SatisfactionJudgeProvider,
  SatisfactionVerdict,
  TranslateOptions,
  TranslationResult,
  Translator,
} from '../provider';
import { groundingConfidence, renderKnowledge, replyInstructions, toChatTurns, translationSystemPrompt } from '../prompts';
import { enabledTools, interpretToolCalls } from '../reply-tools';
import { JUDGE_JSON_SCHEMA, JUDGE_TOOL_NAME, judgeSystemPrompt, judgeTranscript, parseVerdict } from '../satisfaction-judge';
import { parseSummary, SUMMARY_JSON_SCHEMA, SUMMARY_TOOL_NAME, summarySystemPrompt, summaryTranscript } from '../conversation-summary';
import { ProviderError } from '../provider';
import { toProviderError } from '../sdk-errors';
import { findLibraryTranslation } from '../translation-memory';
import { LocalLanguageDetector } from './local/language.detector';
import { CANNOT_TRANSLATE_NOTE } from './local/local.translator';

const SDK_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

export interface AnthropicProviderOptions {
  apiKey: string;
  /** ANTHROPIC_BASE_URL; the SDK appends /v1/messages. */
  baseURL?: string | undefined;
  model: string;
  /** SDK retries on 408/409/429/5xx/529 and connection errors, honouring retry-after. */
  maxRetries?: number;
  /** Per attempt. */
  timeoutMs?: number;
  maxTokens?: number;
}

/**
 * Claude through the Messages API: replies with tool use (handoff and actions as tool_use blocks),
 * translation with a short prompt. Anthropic has no embeddings endpoint, so this offers none;
 * language detection is the local detector's (a network round trip per message buys nothing).
 */
export class AnthropicProvider implements ReplyGenerator, Translator, LanguageDetector, SatisfactionJudgeProvider, ConversationSummarizer {
  readonly name = 'anthropic';
  readonly model: string;
  private readonly client: Anthropic;
  private readonly maxTokens: number;
  private readonly detector = new LocalLanguageDetector();

  constructor(options: AnthropicProviderOptions) {
    this.model = options.model;
    this.maxTokens = options.maxTokens ?? 1024;
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? null,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 30_000,
    });
  }

  detectLanguage(text: string): LanguageDetection {
    return this.detector.detectLanguage(text);
  }

  async generateReply(ctx: ReplyContext): Promise<GeneratedReply> {
    const started = performance.now();
    const tools = enabledTools(ctx);
    let message: Anthropic.Message;
    try {
      message = await this.client.messages.create({
        model: this.model,
        max_tokens: this.maxTokens,
        system: [
          { type: 'text', text: ctx.systemPrompt },
          { type: 'text', text: `${replyInstructions(ctx)}\n\n${renderKnowledge(ctx.knowledge)}` },
        ],
        messages: toChatTurns(ctx.history, ctx.turnText).map((t) => ({ role: t.role, content: t.text })),
        tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema })),
        tool_choice: { type: 'auto' },
      });
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const text = message.content
      .flatMap((b) => (b.type === 'text' ? [b.text] : []))
      .join('')
      .trim();
    const calls = message.content.flatMap((b) => (b.type === 'tool_use' ? [{ name: b.name, input: b.input }] : []));
    return {
      text,
      ...interpretToolCalls(calls, tools),
      model: message.model,
      usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
      latencyMs: Math.round(performance.now() - started),
      confidence: groundingConfidence(ctx, message.stop_reason === 'max_tokens'),
      metadata: { provider: this.name, ...(message.stop_reason ? { stopReason: message.stop_reason } : {}) },
    };
  }

  async translate(text: string, from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[], options: TranslateOptions = {}): Promise<TranslationResult> {
    if (from === to || !text.trim()) return { text, translated: true, method: 'identity' };
    const stored = findLibraryTranslation(text, from, to, options.library ?? []);
    if (stored !== undefined) return { text: stored, translated: true, method: 'library' };
    let message: Anthropic.Message;
    try {
      message = await this.client.messages.create({
        model: this.model,
        max_tokens: Math.min(this.maxTokens * 2, 4096),
        system: translationSystemPrompt(from, to, glossary),
        messages: [{ role: 'user', content: text }],
      });
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const out = message.content
      .flatMap((b) => (b.type === 'text' ? [b.text] : []))
      .join('')
      .trim();
    if (!out) return { text, translated: false, method: 'identity', note: CANNOT_TRANSLATE_NOTE[to] };
    return { text: out, translated: true, method: 'llm' };
  }

  /** The verdict as the input of a forced tool call: the model cannot answer in free text. */
  async judgeSatisfaction(input: SatisfactionJudgeInput, options: SatisfactionJudgeOptions = {}): Promise<SatisfactionVerdict> {
    let message: Anthropic.Message;
    try {
      message = await this.client.messages.create(
        {
          model: this.model,
          max_tokens: 1024,
          system: judgeSystemPrompt(input),
          messages: [{ role: 'user', content: judgeTranscript(input) }],
          tools: [
            {
              name: JUDGE_TOOL_NAME,
              description: "Record the customer's satisfaction verdict.",
              input_schema: JUDGE_JSON_SCHEMA as unknown as Anthropic.Tool.InputSchema,
            },
          ],
          tool_choice: { type: 'tool', name: JUDGE_TOOL_NAME },
        },
        options.signal ? { signal: options.signal } : {},
      );
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const call = message.content.find((b) => b.type === 'tool_use' && b.name === JUDGE_TOOL_NAME);
    if (!call || call.type !== 'tool_use')
      throw new ProviderError('permanent', this.name, 'bad_judge_output', `no ${JUDGE_TOOL_NAME} tool_use block (stop_reason ${message.stop_reason})`);
    return parseVerdict(this.name, call.input);
  }

  /** The summary as the input of a forced tool call, as the satisfaction verdict. */
  async summarizeConversation(input: ConversationSummaryInput, options: { signal?: AbortSignal } = {}): Promise<ConversationSummary> {
    let message: Anthropic.Message;
    try {
      message = await this.client.messages.create(
        {
          model: this.model,
          max_tokens: 1024,
          system: summarySystemPrompt(input),
          messages: [{ role: 'user', content: summaryTranscript(input) }],
          tools: [
            {
              name: SUMMARY_TOOL_NAME,
              description: 'Record the conversation summary and intents.',
              input_schema: SUMMARY_JSON_SCHEMA as unknown as Anthropic.Tool.InputSchema,
            },
          ],
          tool_choice: { type: 'tool', name: SUMMARY_TOOL_NAME },
        },
        options.signal ? { signal: options.signal } : {},
      );
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const call = message.content.find((b) => b.type === 'tool_use' && b.name === SUMMARY_TOOL_NAME);
    if (!call || call.type !== 'tool_use')
      throw new ProviderError('permanent', this.name, 'bad_summary_output', `no ${SUMMARY_TOOL_NAME} tool_use block (stop_reason ${message.stop_reason})`);
    return parseSummary(this.name, call.input);
  }
}
