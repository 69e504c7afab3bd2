import { describe, expect, it } from 'vitest';
import type { GlossaryEntry, LibraryEntry } from '../../provider';
import { CANNOT_TRANSLATE_NOTE, LocalTranslator } from './local.translator';

const glossary: GlossaryEntry[] = [
  { ko: '보톡스', ja: 'ボトックス', en: 'Botox', zh: '肉毒素', zhTW: '肉毒桿菌', vi: 'botox' },
  { ko: '리쥬란 힐러', ja: 'リジュランヒーラー', en: 'Rejuran Healer' },
  { ko: '리쥬란', ja: 'リジュラン', en: 'Rejuran' },
];
const library: LibraryEntry[] = [
  {
    ko: { question: '주차 가능한가요?', answer: '네, 건물 지하 주차장을 2시간 무료로 이용하실 수 있습니다.' },
    translations: {
      ja: { question: '駐車できますか？', answer: 'はい、建物の地下駐車場を2時間無料でご利用いただけます。' },
      en: { question: 'Is parking available?', answer: 'Yes, the basement parking is free for 2 hours.' },
    },
  },
];

describe('LocalTranslator', () => {
  const t = new LocalTranslator();

  it('returns stored library translations for known questions and answers, from any side', async () => {
    expect(await t.translate('駐車できますか', 'ja', 'ko', [], { library })).toEqual({
      text: '주차 가능한가요?',
      translated: true,
      method: 'library',
    });
    const answer = await t.translate('네, 건물 지하 주차장을 2시간 무료로 이용하실 수 있습니다', 'ko', 'en', [], { library });
    expect(answer).toMatchObject({ text: 'Yes, the basement parking is free for 2 hours.', method: 'library' });
  });

  it('substitutes glossary terms (longest first) and says plainly it could not translate the rest', async () => {
    const r = await t.translate('리쥬란 힐러랑 보톡스 같이 받아도 되나요?', 'ko', 'ja', glossary);
    expect(r.text).toBe('リジュランヒーラー랑 ボトックス 같이 받아도 되나요?');
    expect(r.translated).toBe(false);
    expect(r.method).toBe('glossary');
    expect(r.note).toBe(CANNOT_TRANSLATE_NOTE.ja);
  });

  it('counts a text made only of glossary terms as translated', async () => {
    expect(await t.translate('Botox, Rejuran', 'en', 'ko', glossary)).toEqual({ text: '보톡스, 리쥬란', translated: true, method: 'glossary' });
  });

  it('keeps the original with a note in the reader language when nothing applies', async () => {
    const r = await t.translate('Tôi bị dị ứng với thuốc tê', 'vi', 'ko', glossary);
    expect(r).toEqual({ text: 'Tôi bị dị ứng với thuốc tê', translated: false, method: 'identity', note: '[자동번역 불가: 원문 표시]' });
  });

  it('is the identity for same-language pairs', async () => {
    expect(await t.translate('보톡스', 'ko', 'ko', glossary)).toEqual({ text: '보톡스', translated: true, method: 'identity' });
  });
});
