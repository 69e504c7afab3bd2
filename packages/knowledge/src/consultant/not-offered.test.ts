import { describe, expect, it } from 'vitest';
import { foreignFragments } from '../guards/language.guard';
import { LANG_CODES } from '../lang';
import { notOfferedIn, notOfferedReply, OTHER_PROCEDURES, withoutMeans } from './not-offered';

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
    // device and injectable brands other clinics use, and small removals
    ['인모드 리프팅 있어요?', 'inmode'],
    ['ポテンツァってやってますか？', 'microneedling_rf'],
    ['do you do microneedling for acne scars', 'microneedling_rf'],
    ['올리지오 가격 알려주세요', 'other_lifting_device'],
    ['phong kham co tiem Profhilo khong a?', 'profhilo'],
    ['你们有童颜针吗', 'sculptra'],
    ['请问可以激光点痣吗？', 'mole_removal'],
    ['ほくろ取りはできますか', 'mole_removal'],
    ['can you get rid of a mole on my cheek', 'mole_removal'],
    ['타투 지우는 것도 되나요', 'tattoo_removal'],
    ['co xoa hinh xam khong', 'tattoo_removal'],
  ])('%s → %s', (text, key) => {
    expect(notOfferedIn(text, ['forehead-botox']).map((p) => p.key)).toEqual([key]);
  });

  it('a procedure the clinic does offer is not reported', () => {
    expect(notOfferedIn('thread lift price?', ['thread-lift'])).toEqual([]);
    expect(notOfferedIn('botox price?', ['forehead-botox'])).toEqual([]);
    expect(notOfferedIn('필러로 코 높이기 가격', ['nose-filler'])).toEqual([]);
  });

  it('does not read a word that only contains a form as the procedure', () => {
    expect(notOfferedIn('molecular hyaluronic acid, is it the same?', [])).toEqual([]);
    expect(notOfferedIn('pico toning price', [])).toEqual([]);
  });

  it('drops an offered device named only as the means', () => {
    for (const [text, device] of [
      ['can u remove a small tattoo on my wrist? maybe w the pico laser?', 'pico'],
      ['用皮秒激光可以洗纹身吗', '皮秒'],
      ['ピコレーザーでタトゥーは消せますか', 'ピコ'],
      ['피코로 문신 제거 되나요?', '피코'],
      ['xoa hinh xam bang pico duoc khong', 'pico'],
    ] as const) {
      expect(withoutMeans(text)).not.toContain(device);
      expect(notOfferedIn(withoutMeans(text), []).map((p) => p.key)).toEqual(['tattoo_removal']);
    }
    // a device asked about for itself is kept
    expect(withoutMeans('pico toning 10회 가격')).toContain('pico');
    expect(withoutMeans('ピコトーニングはいくら？')).toContain('ピコ');
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
