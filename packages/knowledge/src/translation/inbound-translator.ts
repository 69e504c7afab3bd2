import { isLangCode, type LangCode } from '@hub/ai';
import { clinicRuntimes } from '../clinic-runtime';
import type { KnowledgeDeps } from '../deps';
import { toLangCode } from '../lang';
import type { InboundTranslation, InboundTranslator } from '../consultant/types';

/**
 * Customer messages → Korean for staff and retrieval; staff replies → the customer's language. Uses the
 * clinic's translator (clinic settings choose the provider) with its glossary (global + clinic
 * medical_terms) and stored library translations, all cached per clinic for ~60 s.
 */
export function createInboundTranslator(deps: KnowledgeDeps): InboundTranslator {
  const runtimeOf = clinicRuntimes(deps);
  return {
    async toKorean(clinicId, text, languageHint): Promise<InboundTranslation> {
      const hint = toLangCode(languageHint);
      if (!text.trim()) return { language: hint ?? 'und', korean: null, translated: false };
      const rt = await runtimeOf(clinicId);
      const detected = rt.providers.detector.detectLanguage(text);
      const language: string =
        isLangCode(detected.language) && detected.confidence >= 0.5 ? detected.language : (hint ?? (detected.language === 'und' ? 'und' : detected.language));
      if (language === 'ko') return { language, korean: null, translated: false };
      const from: LangCode | 'und' = isLangCode(language) ? language : 'und';
      const r = await rt.providers.translator.translate(text, from, 'ko', rt.glossary, { library: rt.library });
      if (r.translated) return { language, korean: r.text, translated: true };
      // Untranslatable: staff see the (glossary-substituted) original marked as such, never a silent copy.
      return { language, korean: r.text !== text ? `${r.note ?? ''} ${r.text}`.trim() : null, translated: false };
    },

    async fromKorean(clinicId, text, to) {
      const target = toLangCode(to);
      if (!target || target === 'ko' || !text.trim()) return { text, translated: target === 'ko' };
      const rt = await runtimeOf(clinicId);
      const r = await rt.providers.translator.translate(text, 'ko', target, rt.glossary, { library: rt.library });
      return { text: r.text, translated: r.translated, ...(r.note ? { note: r.note } : {}) };
    },
  };
}
