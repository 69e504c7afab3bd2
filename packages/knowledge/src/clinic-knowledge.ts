import { QuestionAnswerSchema, type GlossaryEntry, type LibraryEntry } from '@hub/ai';
import type { Db } from '@hub/db';
import { z } from 'zod';
import { LANG_CODES, type LangCode } from './lang';

/** response_library.translations: {"ja": {"question", "answer"}, ...}; malformed languages are dropped. */
export function parseTranslations(json: unknown): Partial<Record<LangCode, { question: string; answer: string }>> {
  const out: Partial<Record<LangCode, { question: string; answer: string }>> = {};
  if (!json || typeof json !== 'object') return out;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    const lang = k === 'zh_TW' || k === 'zh-tw' || k === 'zhTW' ? 'zh-TW' : k;
    if (!(LANG_CODES as readonly string[]).includes(lang) || lang === 'ko') continue;
    const parsed = QuestionAnswerSchema.safeParse(v);
    if (parsed.success && parsed.data.answer.trim()) out[lang as LangCode] = parsed.data;
  }
  return out;
}

export interface MedicalTermRow {
  termKo: string;
  termEn: string | null;
  termJa: string | null;
  termZh: string | null;
  termZhTw: string | null;
  termVi: string | null;
}

export function toGlossaryEntry(t: MedicalTermRow): GlossaryEntry {
  const e: GlossaryEntry = { ko: t.termKo };
  if (t.termEn) e.en = t.termEn;
  if (t.termJa) e.ja = t.termJa;
  if (t.termZh) e.zh = t.termZh;
  if (t.termZhTw) e.zhTW = t.termZhTw;
  if (t.termVi) e.vi = t.termVi;
  return e;
}

/** Global terms and the clinic's own; a clinic term replaces the global one with the same Korean form. */
export async function loadGlossary(db: Db, clinicId: string): Promise<GlossaryEntry[]> {
  const rows = await db.medicalTerm.findMany({
    where: { OR: [{ clinicId: null }, { clinicId }] },
    select: { clinicId: true, termKo: true, termEn: true, termJa: true, termZh: true, termZhTw: true, termVi: true },
    orderBy: [{ termKo: 'asc' }],
  });
  const byKo = new Map<string, GlossaryEntry>();
  for (const r of rows.filter((r) => r.clinicId === null)) byKo.set(r.termKo, toGlossaryEntry(r));
  for (const r of rows.filter((r) => r.clinicId !== null)) byKo.set(r.termKo, toGlossaryEntry(r));
  return [...byKo.values()];
}

export async function loadLibrary(db: Db, clinicId: string): Promise<LibraryEntry[]> {
  const rows = await db.responseLibrary.findMany({
    where: { clinicId, isActive: true },
    select: { questionKo: true, answerKo: true, translations: true },
    orderBy: [{ sortOrder: 'asc' }],
  });
  return rows.map((r) => ({ ko: { question: r.questionKo, answer: r.answerKo }, translations: parseTranslations(r.translations) }));
}

export const ClinicSettingsSchema = z.looseObject({
  operating_hours: z.unknown().optional(),
  directions: z.unknown().optional(),
  parking_info: z.unknown().optional(),
  default_language: z.string().optional(),
  supported_languages: z.array(z.string()).optional(),
});
