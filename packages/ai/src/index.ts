export * from './provider';
export * from './knowledge-metadata';
export { REPLY_TOOLS, enabledTools, interpretToolCalls, type ReplyToolSpec } from './reply-tools';
export { LANGUAGE_NAMES, renderKnowledge, replyInstructions, toChatTurns, translationSystemPrompt } from './prompts';
export { applyGlossary, findLibraryTranslation, nearlyEqual } from './translation-memory';
export { toProviderError } from './sdk-errors';
export { parseSummary, SUMMARY_JSON_SCHEMA, SUMMARY_TOOL_NAME, summarySystemPrompt, summaryTranscript } from './conversation-summary';
export { detectIntents } from './providers/local/intent.rules';
export { summarizeByRules, INTENT_LABELS_KO } from './providers/local/local.summarizer';
export { JUDGE_JSON_SCHEMA, JUDGE_TOOL_NAME, judgeSystemPrompt, judgeTranscript, parseVerdict } from './satisfaction-judge';
export { AnthropicProvider, type AnthropicProviderOptions } from './providers/anthropic.provider';
export { OpenAiProvider, type OpenAiProviderOptions } from './providers/openai.provider';
export { LocalLanguageDetector, detectByScript, tinyldDetect } from './providers/local/language.detector';
export { LocalLexicalEmbedder, cosineSimilarity, detectConcepts } from './providers/local/lexical.embedder';
export { LocalTranslator, CANNOT_TRANSLATE_NOTE } from './providers/local/local.translator';
export { LocalReplyGenerator, LOCAL_GENERATOR_MODEL } from './providers/local/local.reply-generator';
export { REPLY_TEMPLATES, type ReplyTemplates } from './providers/local/reply.templates';
export { detectHandoff, type HandoffReason } from './providers/local/handoff.rules';
export {
  compileLexicon,
  detectEmergency,
  emergencyConcepts,
  normalizeForLexicon,
  EMERGENCY_LEXICON,
  type EmergencyConcept,
} from './providers/local/emergency.lexicon';
export {
  createAiProviders,
  FailoverReplyGenerator,
  FailoverTranslator,
  AiConfigSchema,
  ClinicAiSettingsSchema,
  type AiConfig,
  type AiProviderName,
  type AiProviders,
  type ClinicAiSettings,
  type CreateAiProvidersOptions,
} from './factory';
