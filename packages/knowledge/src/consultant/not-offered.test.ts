import { describe, expect, it } from 'vitest';
import { foreignFragments } from '../guards/language.guard';
import { LANG_CODES } from '../lang';
import { notOfferedIn, notOfferedReply, OTHER_PROCEDURES } from './not-offered';

describe('procedures the clinic does not offer', () => {
  it.each([
    ['do you guys do lipo on the arms?', 'liposuction'],
    ['팔뚝 지방흡입도 하나요?', 'liposuction'],
    ['겨드랑이 제모 가격이요', 'hair_removal'],
    ['スレッドリフトはできますか', 'thread_lift'],
    ['你们有线雕吗', 'thread_lift'],
    ['co lam nhan mi khong a', 'double_eyelid'],
    ['do you do rhinoplasty', 'cosmetic_surgery'],
    ['可以洗纹身吗', 'tattoo_removal'],
  ])('%s → %s', (text, key) => {
    expect(notOfferedIn(text, ['forehead-botox']).map((p) => p.key)).toEqual([key]);
  });

  it('a procedure the clinic does offer is not reported', () => {
    expect(notOfferedIn('thread lift price?', ['thread-lift'])).toEqual([]);
    expect(notOfferedIn('botox price?', ['forehead-botox'])).toEqual([]);
    expect(notOfferedIn('필러로 코 높이기 가격', ['nose-filler'])).toEqual([]);
  });

  it('says so in every language, in that language only and with no price', () => {
    for (const lang of LANG_CODES) {
      const text = notOfferedReply([OTHER_PROCEDURES[0]!], lang);
      expect(text).toContain(OTHER_PROCEDURES[0]!.name[lang]);
      expect(foreignFragments(text, lang)).toEqual([]);
      expect(text).not.toMatch(/\d/);
    }
  });
});
