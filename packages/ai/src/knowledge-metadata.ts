import { z } from 'zod';
import { LANG_CODES, QuestionAnswerSchema, type LangCode } from './provider';

/**
 * Metadata shapes the indexer stores beside knowledge rows and the local generator reads back.
 * Written down here so the knowledge layer and the providers agree on one vocabulary.
 */

/** A plain string (taken as Korean) or per-language strings keyed by LangCode. */
export const LocalizedTextSchema = z.union([z.string(), z.partialRecord(z.enum(LANG_CODES), z.string())]);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ProcedureMetadataSchema = z.looseObject({
  slug: z.string().optional(),
  name: LocalizedTextSchema.optional(),
  /** Price in KRW: a single price or a range. */
  priceKrw: z.number().nonnegative().optional(),
  priceMinKrw: z.number().nonnegative().optional(),
  priceMaxKrw: z.number().nonnegative().optional(),
  /** Free-text price note (e.g. "per 50 units"). */
  priceNote: LocalizedTextSchema.optional(),
  downtime: LocalizedTextSchema.optional(),
  sideEffects: LocalizedTextSchema.optional(),
  /** What to do and avoid after the procedure (precautions_after, with the clinic's override). */
  aftercare: LocalizedTextSchema.optional(),
  /** How long the result lasts. */
  effectDuration: LocalizedTextSchema.optional(),
  /** 1..10 */
  painLevel: z.number().optional(),
  /** Last day (YYYY-MM-DD, clinic calendar) of a running event price. */
  eventEndDate: z.string().optional(),
  /** Package lines' terms: sessions, months valid, days between sessions. */
  packageTerms: z.array(z.object({ sessions: z.number().optional(), validityMonths: z.number().optional(), intervalDays: z.number().optional() })).optional(),
  /** The customer named this procedure in the turn. */
  named: z.boolean().optional(),
});
export type ProcedureMetadata = z.infer<typeof ProcedureMetadataSchema>;

/** A response-library row: the Korean original plus stored translations (same shape as LibraryEntry). */
export const ResponseLibraryMetadataSchema = z.looseObject({
  ko: QuestionAnswerSchema.optional(),
  translations: z.partialRecord(z.enum(LANG_CODES), QuestionAnswerSchema).optional(),
  /** Alternatively a single-language row: its language and answer. */
  language: z.enum(LANG_CODES).optional(),
  answer: z.string().optional(),
});
export type ResponseLibraryMetadata = z.infer<typeof ResponseLibraryMetadataSchema>;

/** Picks the text for `lang`; a plain string counts as Korean. */
export function localized(text: LocalizedText | undefined, lang: LangCode): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return lang === 'ko' ? text : undefined;
  return text[lang];
}

/** The answer of a response-library row in `lang`, if it has one. */
export function libraryAnswer(metadata: Record<string, unknown>, lang: LangCode): string | undefined {
  const parsed = ResponseLibraryMetadataSchema.safeParse(metadata);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  if (lang === 'ko' && m.ko) return m.ko.answer;
  const t = m.translations?.[lang];
  if (t) return t.answer;
  if (m.language === lang && m.answer) return m.answer;
  return undefined;
}
