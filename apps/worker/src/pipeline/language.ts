export { countryForLanguage, normalizeLanguageHint } from '@hub/contracts';

export function previewOf(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
