import { describe, expect, it } from 'vitest';
import { COUNTRY_BY_LANGUAGE, LANG_CODES, countryForLanguage, normalizeLanguageHint, toLangCode } from './languages';

describe('language and country maps', () => {
  it('name a country for every served language, and none for others', () => {
    expect(Object.keys(COUNTRY_BY_LANGUAGE).sort()).toEqual([...LANG_CODES].sort());
    expect(countryForLanguage('zh-TW')).toBe('TW');
    expect(countryForLanguage('vi')).toBe('VN');
    expect(countryForLanguage('th')).toBeUndefined();
    expect(countryForLanguage(undefined)).toBeUndefined();
  });

  it('normalise platform hints (served or not) and stored codes (served only)', () => {
    expect(normalizeLanguageHint('zh_Hant_HK')).toBe('zh-TW');
    expect(normalizeLanguageHint('zh-CN')).toBe('zh');
    expect(normalizeLanguageHint('th-TH')).toBe('th');
    expect(normalizeLanguageHint('12')).toBeUndefined();
    expect(toLangCode('ja-JP')).toBe('ja');
    expect(toLangCode('zh-Hant')).toBe('zh-TW');
    expect(toLangCode('th')).toBeUndefined();
  });
});
