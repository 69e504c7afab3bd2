import { describe, expect, it } from 'vitest';
import { foreignFragments, languageGuard } from './language.guard';

describe('language guard (one language per reply)', () => {
  it('finds another script in a reply', () => {
    expect(foreignFragments('Giá là 100.000 won. 주의하세요', 'vi')).toEqual(['주의하세요']);
    expect(foreignFragments('料金は5万ウォンです。시술 후', 'ja')).toEqual(['시술', '후']);
    expect(foreignFragments('价格是5万韩元。アフターケア', 'zh')).toEqual(['アフターケア']);
    expect(foreignFragments('It costs KRW 50,000 (見積)', 'en')).toEqual(['見積']);
  });

  it('allows Han in Japanese and Chinese, Latin brand names everywhere, and the listed names', () => {
    expect(foreignFragments('水光注射の料金は', 'ja')).toEqual([]);
    expect(foreignFragments('Ulthera 价格 1,190,000韩元', 'zh')).toEqual([]);
    expect(foreignFragments('데이뷰의원 phone: 02-6952-0418', 'en', ['데이뷰의원'])).toEqual([]);
    expect(foreignFragments('Lưu ý: hãy gọi 119', 'vi')).toEqual([]);
  });

  it('blocks a mixed reply with a handoff and passes a clean one', () => {
    const bad = languageGuard('Rejuran costs KRW 250,000. 드물게 감염', 'en');
    expect(bad.handoff?.reason).toBe('untranslatable');
    expect(bad.result.status).toBe('blocked');
    const ok = languageGuard('Rejuran costs KRW 250,000.', 'en');
    expect(ok.handoff).toBeUndefined();
    expect(ok.result.status).toBe('pass');
  });
});

describe('language guard: allowed names are exact', () => {
  it('a Korean term with Latin letters in it is still Korean text', () => {
    expect(foreignFragments('Thermage: 써마지 FLX costs KRW 1,200,000', 'en', ['Thermage FLX'])).toEqual(['써마지']);
  });
});
