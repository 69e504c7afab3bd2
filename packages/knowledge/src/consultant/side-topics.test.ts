import { describe, expect, it } from 'vitest';
import type { NearestNeighbour } from '@hub/db';
import { focus, type RetrievedSource } from './consultant';
import { sideTopicsIn } from './side-topics';

describe('side topics', () => {
  it.each([
    ['can i fly back to sydney the day after nose filler?', 'flight'],
    ['시술 다음날 비행기 타도 돼요?', 'flight'],
    ['施術の翌日に飛行機に乗れますか', 'flight'],
    ['做完第二天可以坐飞机回国吗', 'flight'],
    ['lam xong hom sau di may bay duoc khong', 'flight'],
    ['how do I get there from Incheon airport', 'airport'],
    ['울쎄라 하려는데 예약금 있어요?', 'deposit'],
    ['需要订金吗', 'deposit'],
    ['can I get a tax refund?', 'tax_refund'],
  ])('%s → %s', (text, topic) => expect(sideTopicsIn(text)).toContain(topic));

  it('a price question has none', () => {
    expect(sideTopicsIn('nose filler how much?')).toEqual([]);
  });

  it('focus keeps the library row on the topic though a named procedure outranks it', () => {
    const row = (label: string, score: number, metadata: Record<string, unknown>, sourceType: string): RetrievedSource => ({
      label,
      score,
      row: { sourceType, sourceId: label, content: '', metadata, score } as unknown as NearestNeighbour,
    });
    const flight = row('lib:flight', 0.2, { ko: { question: '시술 후 바로 비행기를 타고 귀국해도 되나요?', answer: '…' } }, 'response_library');
    const nose = row('procedure:nose-filler', 0.5, { slug: 'nose-filler' }, 'clinic_procedure');
    const vat = row('lib:vat', 0.3, { ko: { question: '부가세 포함인가요?', answer: '…' } }, 'response_library');
    const kept = focus([nose, vat, flight], ['nose-filler'], [], 'can i fly back the day after nose filler?').map((s) => s.label);
    expect(kept).toEqual(['procedure:nose-filler', 'lib:flight']);
  });
});
