import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import {
  EMBEDDING_DIMENSIONS,
  ProviderError,
  type ConversationSummarizer,
  type ConversationSummary,
  type ConversationSummaryInput,
  type EmbeddingProvider,
  type GeneratedReply,
  type GlossaryEntry,
  type LangCode,
  type LanguageDetection,
  type LanguageDetector,
  type ReplyContext,
  type ReplyGenerator,
  type SatisfactionJudgeInput,
  type SatisfactionJudgeOptions,
  type SatisfactionJudgeProvider,
  type SatisfactionVerdict,
  type TranslateOptions,
  type TranslationResult,
  type Translator,
} from '../provider';
import { groundingConfidence, renderKnowledge, replyInstructions, toChatTurns, translationSystemPrompt } from '../prompts';
import { enabledTools, interpretToolCalls, parseToolArguments } from '../reply-tools';
import { JUDGE_JSON_SCHEMA, JUDGE_TOOL_NAME, judgeSystemPrompt, judgeTranscript, parseVerdict } from '../satisfaction-judge';
import { parseSummary, SUMMARY_JSON_SCHEMA, SUMMARY_TOOL_NAME, summarySystemPrompt, summaryTranscript } from '../conversation-summary';
import { toProviderError } from '../sdk-errors';
import { findLibraryTranslation } from '../translation-memory';
import { LocalLanguageDetector } from './local/language.detector';
import { CANNOT_TRANSLATE_NOTE } from './local/local.translator';

const SDK_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };
/** Inputs per embeddings request (the API allows 2048; smaller batches retry cheaper). */
const EMBED_BATCH = 256;

export interface OpenAiProviderOptions {
  apiKey: string;
  /** OPENAI_BASE_URL, including /v1 (any OpenAI-compatible server). */
  baseURL?: string | undefined;
  model: string;
  embeddingModel: string;
  maxRetries?: number;
  /** Per attempt. */
  timeoutMs?: number;
  maxTokens?: number;
}

/** Chat completions with function calling for replies and translation; embeddings at 1536 dimensions. */
export class OpenAiProvider implements ReplyGenerator, Translator, LanguageDetector, SatisfactionJudgeProvider, ConversationSummarizer {
  readonly name = 'openai';
  /** The chat model; see asEmbedder() for the embedding side. */
  readonly model: string;
  private readonly embeddingModel: string;
  private readonly client: OpenAI;
  private readonly maxTokens: number;
  private readonly detector = new LocalLanguageDetector();

  constructor(options: OpenAiProviderOptions) {
    this.model = options.model;
    this.embeddingModel = options.embeddingModel;
    this.maxTokens = options.maxTokens ?? 1024;
    this.client = new OpenAI({
      apiKey: options.apiKey,
      // null keeps the SDK from reading OPENAI_BASE_URL itself: config is parsed once, in @hub/config.
      baseURL: options.baseURL ?? null,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 30_000,
    });
  }

  /** The embedding side as its own provider: `model` there is the embedding model. */
  asEmbedder(): EmbeddingProvider {
    return { name: this.name, model: this.embeddingModel, dimensions: EMBEDDING_DIMENSIONS, embed: (t) => this.embed(t) };
  }

  detectLanguage(text: string): LanguageDetection {
    return this.detector.detectLanguage(text);
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const batch = texts.slice(i, i + EMBED_BATCH);
      let res: OpenAI.CreateEmbeddingResponse;
      try {
        res = await this.client.embeddings.create({
          model: this.embeddingModel,
          input: batch,
          // text-embedding-3-* can shorten; older or compatible models may reject the parameter.
          ...(this.embeddingModel.startsWith('text-embedding-3') ? { dimensions: EMBEDDING_DIMENSIONS } : {}),
        });
      } catch (err) {
        throw toProviderError(this.name, err, SDK_ERRORS);
      }
      const rows = [...res.data].sort((a, b) => a.index - b.index);
      if (rows.length !== batch.length) {
        throw new ProviderError('permanent', this.name, 'bad_embedding_response', `expected ${batch.length} embeddings, got ${rows.length}`);
      }
      for (const row of rows) {
        // The SDK asks for base64 by default and decodes it to a Float32Array.
        const vec = Array.from(row.embedding as ArrayLike<number>);
        if (vec.length !== EMBEDDING_DIMENSIONS) {
          throw new ProviderError(
            'permanent',
            this.name,
            'bad_embedding_dimensions',
            `${this.embeddingModel} returned ${vec.length} dimensions, expected ${EMBEDDING_DIMENSIONS}`,
          );
        }
        out.push(vec);
      }
    }
    return out;
  }

  async generateReply(ctx: ReplyContext): Promise<GeneratedReply> {
    const started = performance.now();
    const tools = enabledTools(ctx);
    let completion: OpenAI.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        max_completion_tokens: this.maxTokens,
        messages: [
          { role: 'system', content: `${ctx.systemPrompt}\n\n${replyInstructions(ctx)}\n\n${renderKnowledge(ctx.knowledge)}` },
          ...toChatTurns(ctx.history, ctx.turnText).map((t) => ({ role: t.role, content: t.text })),
        ],
        tools: tools.map((t) => ({
          type: 'function' as const,
          function: { name: t.name, description: t.description, parameters: t.inputSchema },
        })),
        tool_choice: 'auto',
      });
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const choice = completion.choices[0];
    if (!choice) throw new ProviderError('transient', this.name, 'empty_response', 'completion without choices');
    const calls = (choice.message.tool_calls ?? []).flatMap((c) =>
      c.type === 'function' ? [{ name: c.function.name, input: parseToolArguments(c.function.arguments) }] : [],
    );
    return {
      text: (choice.message.content ?? '').trim(),
      ...interpretToolCalls(calls, tools),
      model: completion.model,
      usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
      latencyMs: Math.round(performance.now() - started),
      confidence: groundingConfidence(ctx, choice.finish_reason === 'length'),
      metadata: { provider: this.name, stopReason: choice.finish_reason },
    };
  }

  async translate(text: string, from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[], options: TranslateOptions = {}): Promise<TranslationResult> {
    if (from === to || !text.trim()) return { text, translated: true, method: 'identity' };
    const stored = findLibraryTranslation(text, from, to, options.library ?? []);
    if (stored !== undefined) return { text: stored, translated: true, method: 'library' };
    let completion: OpenAI.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        max_completion_tokens: Math.min(this.maxTokens * 2, 4096),
        messages: [
          { role: 'system', content: translationSystemPrompt(from, to, glossary) },
          { role: 'user', content: text },
        ],
      });
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const out = completion.choices[0]?.message.content?.trim();
    if (!out) return { text, translated: false, method: 'identity', note: CANNOT_TRANSLATE_NOTE[to] };
    return { text: out, translated: true, method: 'llm' };
  }

  /**
   * The verdict through structured outputs (response_format json_schema, strict). A compatible server
   * that answers with a function call of the same name instead is accepted too.
   */
  async judgeSatisfaction(input: SatisfactionJudgeInput, options: SatisfactionJudgeOptions = {}): Promise<SatisfactionVerdict> {
    const raw = await this.structured(
      { name: JUDGE_TOOL_NAME, schema: JUDGE_JSON_SCHEMA, system: judgeSystemPrompt(input), user: judgeTranscript(input), what: 'judge', noun: 'verdict' },
      options.signal,
    );
    return parseVerdict(this.name, raw);
  }

  /** The summary through structured outputs (response_format json_schema, strict), as the satisfaction verdict. */
  async summarizeConversation(input: ConversationSummaryInput, options: { signal?: AbortSignal } = {}): Promise<ConversationSummary> {
    const raw = await this.structured(
      {
        name: SUMMARY_TOOL_NAME,
        schema: SUMMARY_JSON_SCHEMA,
        system: summarySystemPrompt(input),
        user: summaryTranscript(input),
        what: 'summary',
        noun: 'summary',
      },
      options.signal,
    );
    return parseSummary(this.name, raw);
  }

  /** One strict json_schema completion; the parsed object (or a same-named function call's arguments). */
  private async structured(
    req: { name: string; schema: unknown; system: string; user: string; what: string; noun: string },
    signal?: AbortSignal,
  ): Promise<unknown> {
    let completion: OpenAI.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(
        {
          model: this.model,
          max_completion_tokens: 1024,
          messages: [
            { role: 'system', content: req.system },
            { role: 'user', content: req.user },
          ],
          response_format: { type: 'json_schema', json_schema: { name: req.name, strict: true, schema: req.schema as Record<string, unknown> } },
        },
        signal ? { signal } : {},
      );
    } catch (err) {
      throw toProviderError(this.name, err, SDK_ERRORS);
    }
    const message = completion.choices[0]?.message;
    if (!message) throw new ProviderError('transient', this.name, 'empty_response', 'completion without choices');
    if (message.refusal) throw new ProviderError('permanent', this.name, `${req.what}_refused`, message.refusal.slice(0, 200));
    const call = (message.tool_calls ?? []).find((c) => c.type === 'function' && c.function.name === req.name);
    if (call && call.type === 'function') return parseToolArguments(call.function.arguments);
    try {
      return JSON.parse(message.content ?? '');
    } catch {
      throw new ProviderError('permanent', this.name, `bad_${req.what}_output`, `the ${req.noun} is not JSON`);
    }
  }
}
