/**
 * Compares language-detection libraries on the clinic chat samples, alone and under our script rules.
 * Run: pnpm tsx packages/ai/scripts/compare-lang-detectors.ts
 */
import { franc, francAll } from 'franc';
import { LANG_SAMPLES } from '../src/providers/local/lang-samples';
import { detectByScript, LocalLanguageDetector, tinyldDetect, type LibraryDetect } from '../src/providers/local/language.detector';

/** franc answers ISO 639-3; map the ones that matter here. */
const ISO3_TO_1: Record<string, string> = {
  kor: 'ko',
  jpn: 'ja',
  eng: 'en',
  cmn: 'zh',
  vie: 'vi',
  tha: 'th',
  rus: 'ru',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  tgl: 'tl',
  arb: 'ar',
};
const francDetect: LibraryDetect = (text) =>
  francAll(text, { minLength: 1 })
    .filter(([code]) => code !== 'und')
    .slice(0, 5)
    .map(([code, score]) => ({ lang: ISO3_TO_1[code] ?? code, confidence: score }));
void franc;

async function loadCld3(): Promise<LibraryDetect | null> {
  try {
    const { loadModule } = await import('cld3-asm');
    const factory = await loadModule();
    const identifier = factory.create(0, 1000);
    return (text) => {
      const r = identifier.findLanguage(text);
      const lang = String(r.language);
      if (lang === 'und') return [];
      return [{ lang: lang === 'zh-Latn' ? 'zh' : lang.replace(/-.*$/, '') === 'zh' ? 'zh' : lang, confidence: r.probability }];
    };
  } catch (err) {
    console.warn('cld3-asm not available:', (err as Error).message);
    return null;
  }
}

function score(name: string, detect: (text: string) => string): number {
  let ok = 0;
  const misses: string[] = [];
  const perLang = new Map<string, [number, number]>();
  for (const s of LANG_SAMPLES) {
    const got = detect(s.text);
    const hit = got === s.lang;
    if (hit) ok++;
    else misses.push(`${s.lang}→${got || '∅'} «${s.text}»`);
    const [h, n] = perLang.get(s.lang) ?? [0, 0];
    perLang.set(s.lang, [h + (hit ? 1 : 0), n + 1]);
  }
  const pct = (100 * ok) / LANG_SAMPLES.length;
  const byLang = [...perLang].map(([l, [h, n]]) => `${l} ${h}/${n}`).join('  ');
  console.log(`\n${name.padEnd(22)} ${ok}/${LANG_SAMPLES.length} = ${pct.toFixed(1)}%   (${byLang})`);
  for (const m of misses) console.log(`    miss ${m}`);
  return pct;
}

const libraries: Record<string, LibraryDetect> = { tinyld: tinyldDetect, franc: francDetect };
const cld3 = await loadCld3();
if (cld3) libraries['cld3-asm'] = cld3;

console.log(`${LANG_SAMPLES.length} samples`);
for (const [name, lib] of Object.entries(libraries)) score(`${name} alone`, (t) => lib(t)[0]?.lang ?? '');
// Script rules settle CJK and marked Vietnamese; what is left shows how each library handles Latin chat.
for (const [name, lib] of Object.entries(libraries)) {
  score(`script + ${name}`, (t) => String(detectByScript(t)?.language ?? lib(t)[0]?.lang ?? ''));
}
for (const [name, lib] of Object.entries(libraries)) {
  const detector = new LocalLanguageDetector(lib);
  score(`full rules + ${name}`, (t) => String(detector.detectLanguage(t).language));
}
