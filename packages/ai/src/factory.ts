import { aiEnv, ConfigError } from '@hub/config';
import { z } from 'zod';
import {
  isProviderError,
  type ConversationSummarizer,
  type EmbeddingProvider,
  type GeneratedReply,
  type GlossaryEntry,
  type LangCode,
  type LanguageDetector,
  type ReplyContext,
  type ReplyGenerator,
  type SatisfactionJudgeProvider,
  type TranslateOptions,
  type TranslationResult,
  type Translator,
} from './provider';
import { AnthropicProvider } from './providers/anthropic.provider';
import { LocalLanguageDetector } from './providers/local/language.detector';
import { LocalLexicalEmbedder } from './providers/local/lexical.embedder';
import { LocalReplyGenerator } from './providers/local/local.reply-generator';
import { LocalTranslator } from './providers/local/local.translator';
import { OpenAiProvider } from './providers/openai.provider';

export const AiConfigSchema = z.object(aiEnv);
/** The AI part of an app's parsed config (WorkerConfig and ApiConfig include it). */
export type AiConfig = z.infer<typeof AiConfigSchema>;
export type AiProviderName = AiConfig['AI_PROVIDER'];

/** The clinic's AI settings (clinic settings JSON); unknown keys are ignored. */
export const ClinicAiSettingsSchema = z.looseObject({
  ai_provider: z.enum(['local', 'anthropic', 'openai']).optional(),
  /**
   * Which embedder indexes and queries this clinic's knowledge. Defaults to openai for openai clinics and
   * local otherwise; vectors of different embedders never mix, so changing it means re-indexing.
   */
  ai_embedding_provider: z.enum(['local', 'openai']).optional(),
});
export type ClinicAiSettings = z.infer<typeof ClinicAiSettingsSchema>;

export interface AiProviders {
  provider: AiProviderName;
  embedder: EmbeddingProvider;
  detector: LanguageDetector;
  translator: Translator;
  generator: ReplyGenerator;
  /** Remote providers only: the LLM satisfaction judge (no failover: the local scorer is the fallback). */
  judge?: SatisfactionJudgeProvider;
  /** Remote providers only: the LLM conversation summary (the local rules are the fallback). */
  summarizer?: ConversationSummarizer;
}

export interface CreateAiProvidersOptions {
  /** Per attempt, for remote calls (default 30 s). */
  timeoutMs?: number;
  /** SDK retries before a failure counts (default 2). */
  maxRetries?: number;
  /** Minimum knowledge score for the local generator (default 0.25). */
  localMinScore?: number;
  /** Clinic glossary: extends the local embedder's cross-language concepts. */
  glossary?: GlossaryEntry[];
  /** Told each time a remote failure is answered locally (for metrics/alerts). */
  onFailover?: (info: { provider: string; operation: 'reply' | 'translate'; error: unknown }) => void;
}

function requireKey(key: string | undefined, variable: string, provider: string, chosenBy: string): string {
  if (key) return key;
  throw new ConfigError(
    `configuration error: ${variable} is missing: AI provider "${provider}" (chosen by ${chosenBy}) needs it; set ${variable} or choose the local provider`,
  );
}

/**
 * Failover decision: a remote reply or translation that still fails with a *transient* error after the
 * SDK's own retries (rate limit, 5xx, 529 overload, timeout, connection) is answered by the local
 * provider instead, marked `metadata.failover: true`, so the customer is not left waiting while the
 * provider is down. Auth and permanent errors are not failed over: they need a person to fix the key or
 * the request, and hiding them behind local answers would keep the clinic from noticing.
 * Embeddings never fail over: local and remote vectors live in different spaces.
 */
export class FailoverReplyGenerator implements ReplyGenerator {
  readonly name: string;

  constructor(
    private readonly primary: ReplyGenerator,
    private readonly fallback: ReplyGenerator,
    private readonly onFailover?: CreateAiProvidersOptions['onFailover'],
  ) {
    this.name = primary.name;
  }

  async generateReply(ctx: ReplyContext): Promise<GeneratedReply> {
    try {
      return await this.primary.generateReply(ctx);
    } catch (err) {
      if (!isProviderError(err, 'transient')) throw err;
      this.onFailover?.({ provider: this.primary.name, operation: 'reply', error: err });
      const reply = await this.fallback.generateReply(ctx);
      return {
        ...reply,
        metadata: {
          provider: this.fallback.name,
          ...reply.metadata,
          failover: true,
          failoverFrom: this.primary.name,
          failoverError: err.code,
        },
      };
    }
  }
}

/** Same decision for translation; the local translator says plainly when it could not translate. */
export class FailoverTranslator implements Translator {
  constructor(
    private readonly primary: Translator & { name: string },
    private readonly fallback: Translator,
    private readonly onFailover?: CreateAiProvidersOptions['onFailover'],
  ) {}

  async translate(text: string, from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[], options?: TranslateOptions): Promise<TranslationResult> {
    try {
      return await this.primary.translate(text, from, to, glossary, options);
    } catch (err) {
      if (!isProviderError(err, 'transient')) throw err;
      this.onFailover?.({ provider: this.primary.name, operation: 'translate', error: err });
      return this.fallback.translate(text, from, to, glossary, options);
    }
  }
}

/**
 * Builds the providers for one clinic: `clinicSettings.ai_provider` wins over AI_PROVIDER.
 * Throws ConfigError naming ANTHROPIC_API_KEY / OPENAI_API_KEY when a chosen remote provider has no key;
 * apps call it once at start-up with no clinic settings to fail fast on the env default.
 */
export function createAiProviders(config: AiConfig, clinicSettings?: ClinicAiSettings | null, options: CreateAiProvidersOptions = {}): AiProviders {
  const settings = ClinicAiSettingsSchema.parse(clinicSettings ?? {});
  const provider: AiProviderName = settings.ai_provider ?? config.AI_PROVIDER;
  const chosenBy = settings.ai_provider ? 'the clinic setting ai_provider' : 'AI_PROVIDER';
  const remote = { maxRetries: options.maxRetries ?? 2, timeoutMs: options.timeoutMs ?? 30_000 };

  const detector = new LocalLanguageDetector();
  const localTranslator = new LocalTranslator();
  const localGenerator = new LocalReplyGenerator(options.localMinScore !== undefined ? { minScore: options.localMinScore } : {});

  let openai: OpenAiProvider | undefined;
  const openaiProvider = (chosen: string) =>
    (openai ??= new OpenAiProvider({
      apiKey: requireKey(config.OPENAI_API_KEY, 'OPENAI_API_KEY', 'openai', chosen),
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      embeddingModel: config.OPENAI_EMBEDDING_MODEL,
      ...remote,
    }));

  const embeddingChoice = settings.ai_embedding_provider ?? (provider === 'openai' ? 'openai' : 'local');
  const embedder: EmbeddingProvider =
    embeddingChoice === 'openai'
      ? openaiProvider(settings.ai_embedding_provider ? 'the clinic setting ai_embedding_provider' : chosenBy).asEmbedder()
      : new LocalLexicalEmbedder(options.glossary ? { glossary: options.glossary } : {});

  if (provider === 'local') {
    return { provider, embedder, detector, translator: localTranslator, generator: localGenerator };
  }
  const primary =
    provider === 'anthropic'
      ? new AnthropicProvider({
          apiKey: requireKey(config.ANTHROPIC_API_KEY, 'ANTHROPIC_API_KEY', 'anthropic', chosenBy),
          baseURL: config.ANTHROPIC_BASE_URL,
          model: config.ANTHROPIC_MODEL,
          ...remote,
        })
      : openaiProvider(chosenBy);
  return {
    provider,
    embedder,
    detector,
    translator: new FailoverTranslator(primary, localTranslator, options.onFailover),
    generator: new FailoverReplyGenerator(primary, localGenerator, options.onFailover),
    judge: primary,
    summarizer: primary,
  };
}
