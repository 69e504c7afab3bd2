import { describe, expect, it } from 'vitest';
import { CLINIC_PRICING } from './pricing.data';
import { PROCEDURE_TRANSLATIONS, type ForeignLang } from './procedure-translations.data';
import { PROCEDURES } from './procedures.data';

const LANGS: ForeignLang[] = ['en', 'ja', 'zh', 'zh-TW', 'vi'];
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const KANA = /[\u3040-\u30ff]/u;
const HAN = /[\u3400-\u9fff]/u;

describe('procedure translations (seed)', () => {
  it.each(PROCEDURES.map((p) => p.slug))('%s has aftercare, side effects and duration in every language, in its script', (slug) => {
    const t = PROCEDURE_TRANSLATIONS[slug];
    expect(t, slug).toBeDefined();
    for (const lang of LANGS) {
      for (const field of ['precautionsAfter', 'commonSideEffects', 'effectDuration'] as const) {
        const text = t![lang][field];
        expect(text, `${slug} ${lang} ${field}`).toBeTruthy();
        expect(HANGUL.test(text!), `${slug} ${lang} ${field}`).toBe(false);
        if (lang === 'en' || lang === 'vi') expect(HAN.test(text!) || KANA.test(text!), `${slug} ${lang} ${field}`).toBe(false);
        if (lang.startsWith('zh')) expect(KANA.test(text!), `${slug} ${lang} ${field}`).toBe(false);
      }
    }
  });

  it('every clinic override the seed sets in Korean is rendered in every language', () => {
    for (const list of Object.values(CLINIC_PRICING))
      for (const cp of list) {
        const c = cp.custom ?? {};
        for (const field of ['precautionsAfter', 'effectDuration'] as const) {
          if (!c[field]) continue;
          for (const lang of LANGS) expect(c.translations?.[lang]?.[field], `${cp.procedureSlug} ${lang} ${field}`).toBeTruthy();
        }
      }
  });
});
