import { describe, expect, it } from 'vitest';
import { detectEmergency, emergencyConcepts, normalizeForLexicon } from './emergency.lexicon';
import { detectHandoff } from './handoff.rules';

describe('emergency lexicon', () => {
  it('normalises: NFKC, lower case, Latin diacritics stripped', () => {
    expect(normalizeForLexicon('Khó THỞ  quá')).toBe('kho tho qua');
    expect(normalizeForLexicon('ｉｋｉｇｕｒｕｓｈｉｉ')).toBe('ikigurushii');
    expect(normalizeForLexicon('đau')).toBe('dau');
  });

  it.each([
    // breathing
    ['my throat feels tight and i cant breath properly', 'breathing'],
    ['보톡스 맞고 숨이 차고 가슴이 답답해요', 'breathing'],
    ['iki ga kurushii desu, botokkusu no ato', 'breathing'],
    ['打完之后有点喘不过气来', 'breathing'],
    ['sau khi tiem toi thay kho tho', 'breathing'],
    ['Sau khi tiêm tôi thấy khó thở', 'breathing'],
    // vision
    ['after the nose filler my right eye went blurry', 'vision'],
    ['코 필러 후에 눈앞이 뿌옇게 보여요', 'vision'],
    ['me ga mienai, hana no firaa no ato', 'vision'],
    ['打完鼻子眼睛看不清东西', 'vision'],
    ['mat toi nhin mo sau khi tiem', 'vision'],
    // colour change
    ['the skin on my chin is turning purple after filler', 'colour_change'],
    ['턱 필러 맞은 곳이 퍼렇게 변했어요', 'colour_change'],
    ['ago no hifu ga murasaki ni natta', 'colour_change'],
    ['下巴打完发紫了', 'colour_change'],
    ['cam bi tim tai sau khi tiem', 'colour_change'],
    // swelling of the airway / severe swelling
    ['my tongue is swelling after the injection', 'airway_swelling'],
    ['舌が腫れてきました', 'airway_swelling'],
    ['lips are extremely swollen and getting worse', 'severe_swelling'],
    // anaphylaxis
    ['got hives everywhere and feel dizzy', 'anaphylaxis'],
    ['全身にじんましんが出ています', 'anaphylaxis'],
    ['noi me day khap nguoi', 'anaphylaxis'],
    // severe pain
    ['the pain is unbearable since yesterday', 'severe_pain'],
    ['시술 부위가 점점 아파요', 'severe_pain'],
    ['hoho ga sugoku itai', 'severe_pain'],
    ['脸疼得受不了', 'severe_pain'],
    ['cho tiem dau du doi', 'severe_pain'],
  ])('%s → %s', (text, rule) => {
    expect(detectEmergency(text)).toBe(rule);
    expect(detectHandoff(text)).toBe('medical_emergency');
  });

  it.each([
    'does it hurt a lot?',
    '痛いですか？',
    'tiêm filler có đau không ạ',
    'bat dau lam tu khi nao',
    'phòng khám ở đâu vậy',
    'will my lips swell?',
    '입술 필러 가격 얼마예요?',
    'is there parking? co cho dau xe khong',
    'how long does the swelling last?',
  ])('no emergency: %s', (text) => {
    expect(detectEmergency(text)).toBeUndefined();
  });

  it('reports the concepts it found', () => {
    expect([...emergencyConcepts('lips swollen, very painful')].sort()).toEqual(expect.arrayContaining(['face_part', 'pain', 'severe', 'swelling']));
  });
});

describe('double charge', () => {
  it.each(['I think you billed me twice for the toning', '카드로 두 번 결제됐어요', '二重に請求されています', '我被扣了两次钱', 'em bi tru tien 2 lan'])(
    '%s → complaint',
    (text) => {
      expect(detectHandoff(text)).toBe('complaint');
    },
  );
});

describe('wordings with a particle or object between subject and predicate', () => {
  it.each([
    ['昨日エラボトックスしたんですけど、なんか飲み込みにくくて息も苦しい感じがします', 'breathing'],
    ['ボトックスの後、呼吸がちょっとおかしいです', 'breathing'],
    ['前天打額頭肉毒，現在眼皮垂下來，呼吸也怪怪的', 'breathing'],
    ['打完以后呼吸有点困难', 'breathing'],
    ['보톡스 맞고 숨이 좀 차요', 'breathing'],
    ['since the botox my breathing feels weird', 'breathing'],
    ['sau khi tiem em tho hoi kho', 'breathing'],
    // difficulty swallowing on its own (toxin spread after Botox)
    ['エラボトックスの後、飲み込みにくいです', 'swallowing'],
    ['打了瘦臉針之後吞東西很困難', 'swallowing'],
    ['사각턱 보톡스 맞고 침 삼키기가 힘들어요', 'swallowing'],
    ['it has been hard to swallow since the jaw botox', 'swallowing'],
    ['tiem botox xong nuot rat kho', 'swallowing'],
  ])('%s → %s', (text, rule) => {
    expect(detectEmergency(text)).toBe(rule);
    expect(detectHandoff(text)).toBe('medical_emergency');
  });

  it.each([
    '息子と一緒に行ってもいいですか？',
    '呼吸法のレッスンはありますか',
    'da em tho va kho, nen lam gi a',
    'is the breathing exercise hard?',
    '吞咽的时候会不会疼？',
  ])('no emergency: %s', (text) => {
    expect(detectEmergency(text)).toBeUndefined();
  });
});
