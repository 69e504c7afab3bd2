import type { GlossaryEntry, LangCode, TranslateOptions, TranslationResult, Translator } from '../../provider';
import { applyGlossary, findLibraryTranslation } from '../../translation-memory';

/** Shown with untranslated text, in the reader's language, so nobody mistakes the original for a translation. */
export const CANNOT_TRANSLATE_NOTE: Record<LangCode, string> = {
  ko: '[자동번역 불가: 원문 표시]',
  ja: '[自動翻訳できませんでした：原文を表示しています]',
  en: '[Automatic translation unavailable: showing the original]',
  zh: '[无法自动翻译：显示原文]',
  'zh-TW': '[無法自動翻譯：顯示原文]',
  vi: '[Không thể dịch tự động: hiển thị nguyên văn]',
};

/**
 * Translation without a model: stored library translations, then glossary substitution.
 * Anything else is returned as the original (glossary terms substituted) with translated:false and a note.
 */
export class LocalTranslator implements Translator {
  async translate(text: string, from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[], options: TranslateOptions = {}): Promise<TranslationResult> {
    if (from === to || !text.trim()) return { text, translated: true, method: 'identity' };
    const stored = findLibraryTranslation(text, from, to, options.library ?? []);
    if (stored !== undefined) return { text: stored, translated: true, method: 'library' };
    const g = applyGlossary(text, from, to, glossary);
    if (g.whole) return { text: g.text, translated: true, method: 'glossary' };
    return {
      text: g.text,
      translated: false,
      method: g.replaced > 0 ? 'glossary' : 'identity',
      note: CANNOT_TRANSLATE_NOTE[to],
    };
  }
}
