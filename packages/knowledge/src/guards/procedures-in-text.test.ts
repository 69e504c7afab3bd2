import { describe, expect, it } from 'vitest';
import { proceduresInText } from './procedures-in-text';
import type { GuardProcedure } from './types';

const P = (slug: string, names: GuardProcedure['names']): GuardProcedure => ({ slug, names });
const PROCS: GuardProcedure[] = [
  P('forehead-botox', { ko: '이마 보톡스', en: 'Forehead Botox', ja: '額ボトックス', zh: '额头肉毒素', 'zh-TW': '额头肉毒素', vi: 'Botox trán' }),
  P('jaw-botox', { ko: '사각턱 보톡스', en: 'Jaw (masseter) Botox', ja: 'エラボトックス', zh: '瘦脸针（咬肌肉毒素）', 'zh-TW': '瘦臉針', vi: 'Botox gọn hàm' }),
  P('nose-filler', { ko: '코 필러', en: 'Nose filler', ja: '鼻ヒアルロン酸', zh: '鼻部玻尿酸', 'zh-TW': '鼻部玻尿酸', vi: 'Tiêm filler mũi' }),
  P('lip-filler', { ko: '입술 필러', en: 'Lip filler', ja: '唇ヒアルロン酸', zh: '唇部玻尿酸', 'zh-TW': '唇部玻尿酸', vi: 'Tiêm filler môi' }),
  P('nasolabial-filler', { ko: '팔자 필러', en: 'Nasolabial fold filler', ja: 'ほうれい線ヒアルロン酸', zh: '法令纹玻尿酸', vi: 'Tiêm filler rãnh mũi má' }),
  P('shrink-universe', { ko: '슈링크 유니버스', en: 'Shurink Universe', ja: 'シュリンクユニバース', zh: '新款超声炮（Shurink Universe）' }),
  P('thermage-flx', { ko: '써마지 FLX', en: 'Thermage FLX', ja: 'サーマクールFLX', zh: '热玛吉FLX', vi: 'Thermage FLX' }),
];
const slugs = (text: string) => proceduresInText(text, PROCS).map((h) => h.procedure.slug);

describe('procedures named in a message', () => {
  it.each([
    ['이마보톡스 이벤트 언제까지에요??', ['forehead-botox']],
    ['額頭肉毒多少', ['forehead-botox']],
    ['玻尿酸隆鼻和嘴唇玻尿酸價格差多少？', ['nose-filler', 'lip-filler']],
    ['ほうれい線ヒアルのキャンペーンってまだやってます？', ['nasolabial-filler']],
    ['cho em hỏi giá filler mũi với filler môi ạ', ['nose-filler', 'lip-filler']],
    ['gia filler mui voi filler moi', ['nose-filler', 'lip-filler']],
    ['Thermage FLX full face and shrink universe 300 — how much each?', ['shrink-universe', 'thermage-flx']],
    ['你们能保证做完热玛吉一定有效果吗？', ['thermage-flx']],
    ['사각턱 보톡스 얼마예요', ['jaw-botox']],
  ])('%s', (text, want) => {
    expect(slugs(text).sort()).toEqual([...want].sort());
  });

  it('parts far apart in the message are not one procedure', () => {
    expect(slugs('입술이 너무 건조해요. 그리고 코 필러 가격이요')).toEqual(['nose-filler']);
    expect(slugs('코에 하는 필러')).toEqual(['nose-filler']);
  });

  it('one letter off is a typo for long Latin names; a kind alone names nothing', () => {
    expect(slugs('thermagee flx price')).toEqual(['thermage-flx']);
    expect(slugs('nose filer?')).toEqual(['nose-filler']);
    expect(slugs('how much is the filler')).toEqual([]);
  });
});

describe('short and glossary names', () => {
  const more: GuardProcedure[] = [
    ...PROCS,
    P('rejuran-healer', { ko: '리쥬란힐러', en: 'Rejuran Healer', ja: 'リジュラン', zh: '丽珠兰（婴儿针）' }),
    { ...P('water-glow-injection', { ko: '물광주사', en: 'Hydrating glow injection', zh: '水光针' }), aliases: ['水光注射', '水光針', 'Tiêm căng bóng'] },
    P('laser-toning', { ko: '레이저토닝', en: 'Laser toning', vi: 'Laser toning' }),
    P('pico-toning', { ko: '피코토닝', en: 'Pico toning', vi: 'Pico toning' }),
  ];
  const s = (text: string) => proceduresInText(text, more).map((h) => h.procedure.slug);
  it.each([
    ['rejuran and shrink, how much?', ['rejuran-healer', 'shrink-universe']],
    ['슈링크 얼마에요', ['shrink-universe']],
    ['水光注射はいくら', ['water-glow-injection']],
    ['tiem cang bong gia bao nhieu', ['water-glow-injection']],
  ])('%s', (text, want) => expect(s(text).sort()).toEqual([...want].sort()));

  it('an area or a kind word alone names nothing', () => {
    expect(s('forehead lines, what can I do?')).toEqual([]);
    expect(s('laser price?')).toEqual([]);
  });
});

describe('a distinctive word of a Latin name names the procedure', () => {
  const withGlow = [...PROCS, P('water-glow-injection', { ko: '물광주사', en: 'Hydrating glow injection', ja: '水光注射', zh: '水光针' })];
  const named = (text: string) => proceduresInText(text, withGlow).map((h) => h.procedure.slug);
  it('the customer’s own rendering of the Korean name ("water glow injection")', () => {
    expect(named('ulthera 300 + rejuran + water glow injection — price for each pls?')).toContain('water-glow-injection');
  });
  it('a word shared with another name, an area or a kind, names nothing', () => {
    expect(named('how much is a filler injection?')).not.toContain('water-glow-injection');
    expect(named('is there a full face package?')).toEqual([]);
    // "Universe" is Shurink's own word; "FLX" is too short
    expect(named('universe 300 shots?')).toEqual(['shrink-universe']);
    expect(named('flx')).toEqual([]);
  });
});
