import { describe, expect, it } from 'vitest';
import type { KnowledgeHit, ReplyContext } from '../../provider';
import { LocalReplyGenerator } from './local.reply-generator';

const botox: KnowledgeHit = {
  sourceType: 'procedure',
  sourceId: 'proc-botox',
  content: '보톡스: 이마 1부위 50,000원, 다운타임 거의 없음',
  metadata: {
    slug: 'botox',
    name: { ko: '보톡스', ja: 'ボトックス', en: 'Botox', zh: '肉毒素', 'zh-TW': '肉毒桿菌', vi: 'Botox' },
    priceKrw: 50000,
    downtime: { ko: '거의 없음', ja: 'ほとんどありません', en: 'almost none' },
    sideEffects: { ko: '일시적인 멍', ja: '一時的な内出血', en: 'temporary bruising' },
  },
  score: 0.71,
};
const parking: KnowledgeHit = {
  sourceType: 'response_library',
  sourceId: 'lib-parking',
  content: '주차 가능한가요? 네, 2시간 무료입니다.',
  metadata: {
    ko: { question: '주차 가능한가요?', answer: '네, 2시간 무료입니다.' },
    translations: { ja: { question: '駐車できますか？', answer: 'はい、2時間無料です。' } },
  },
  score: 0.8,
};

const ctx = (over: Partial<ReplyContext>): ReplyContext => ({
  clinicName: 'Seoul Glow Clinic',
  customerLanguage: 'ja',
  systemPrompt: 'persona',
  greeting: 'こんにちは、ソウルグロウクリニックです。',
  history: [],
  turnText: '',
  knowledge: [],
  ...over,
});

describe('LocalReplyGenerator', () => {
  const gen = new LocalReplyGenerator();

  it('hands off when the customer asks for a human (人間と話したい)', async () => {
    const r = await gen.generateReply(ctx({ turnText: '人間と話したい', knowledge: [botox] }));
    expect(r.handoff).toEqual({ reason: 'customer_requested_human' });
    expect(r.text).toContain('担当者');
    expect(r.model).toBe('local-rules-v1');
  });

  it.each([
    ['en', 'can I talk to a real person?', 'customer_requested_human'],
    ['zh', '我想找人工客服', 'customer_requested_human'],
    ['zh-TW', '我想跟真人說話', 'customer_requested_human'],
    ['vi', 'tôi muốn nói chuyện với nhân viên', 'customer_requested_human'],
    ['ko', '사람이랑 상담하고 싶어요', 'customer_requested_human'],
    ['ja', '担当者に代わってください', 'customer_requested_human'],
    ['en', 'This is the worst clinic, I want a refund', 'complaint'],
    ['ko', '필러 맞은 곳이 하얗게 변하고 시력이 흐려졌어요', 'medical_emergency'],
  ] as const)('hands off (%s) «%s» → %s', async (lang, text, reason) => {
    const r = await gen.generateReply(ctx({ customerLanguage: lang, turnText: text, knowledge: [botox] }));
    expect(r.handoff?.reason).toBe(reason);
  });

  it('does not mistake "사람마다" (per person) for a request for a human', async () => {
    const r = await gen.generateReply(ctx({ customerLanguage: 'ko', turnText: '보톡스 효과는 사람마다 다른가요? 가격은요?', knowledge: [botox] }));
    expect(r.handoff).toBeUndefined();
  });

  it('answers a price question from procedure facts in the customer language, with the greeting first', async () => {
    const r = await gen.generateReply(ctx({ turnText: 'ボトックスはいくらですか', knowledge: [botox], tools: ['quote_price'] }));
    expect(r.handoff).toBeUndefined();
    expect(r.text).toBe('こんにちは、ソウルグロウクリニックです。\nボトックスの料金は50,000ウォンです。');
    expect(r.actions).toEqual([{ name: 'quote_price', input: { procedure_slug: 'botox' } }]);
    expect(r.confidence).toBeCloseTo(0.71);
  });

  it('prefers a response-library answer in the customer language and greets only once', async () => {
    const r = await gen.generateReply(ctx({ turnText: '駐車できますか', knowledge: [parking, botox], history: [{ role: 'assistant', text: 'こんにちは' }] }));
    expect(r.text).toBe('はい、2時間無料です。');
  });

  it('never shows a Korean-only answer to a foreign customer: it hands off instead', async () => {
    const r = await gen.generateReply(ctx({ customerLanguage: 'vi', turnText: 'có chỗ đỗ xe không', knowledge: [parking] }));
    expect(r.handoff).toEqual({ reason: 'no_knowledge_match' });
  });

  it('hands off with low confidence when nothing matches well enough', async () => {
    const r = await gen.generateReply(ctx({ turnText: 'ボトックスはいくらですか', knowledge: [{ ...botox, score: 0.1 }] }));
    expect(r.handoff).toEqual({ reason: 'no_knowledge_match' });
    expect(r.confidence).toBe(0);
  });

  it('does not answer with a much weaker row about another procedure', async () => {
    const filler: KnowledgeHit = {
      ...botox,
      sourceId: 'proc-filler',
      metadata: { slug: 'filler', name: { ja: 'フィラー' }, priceKrw: 200000 },
      score: 0.4,
    };
    const botoxWithoutPrice: KnowledgeHit = { ...botox, metadata: { slug: 'botox', name: { ja: 'ボトックス' } }, score: 0.75 };
    const r = await gen.generateReply(ctx({ turnText: 'ボトックスはいくらですか', knowledge: [botoxWithoutPrice, filler] }));
    expect(r.handoff).toEqual({ reason: 'no_knowledge_match' });
    expect(r.text).not.toContain('フィラー');
  });

  it('lists downtime and side effects when asked, in English', async () => {
    const r = await gen.generateReply(ctx({ customerLanguage: 'en', greeting: undefined, turnText: 'botox downtime and side effects?', knowledge: [botox] }));
    expect(r.text).toBe('Downtime for Botox: almost none. Main side effects of Botox: temporary bruising.');
  });
});

describe('LocalReplyGenerator: whole answers', () => {
  const filler: KnowledgeHit = {
    sourceType: 'procedure',
    sourceId: 'proc-filler',
    content: '필러',
    metadata: { slug: 'chin-filler', name: { ko: '턱 필러', en: 'Chin filler', ja: '顎フィラー' }, priceKrw: 300000, named: true },
    score: 0.4,
  };
  const namedBotox: KnowledgeHit = { ...botox, metadata: { ...botox.metadata, named: true } };

  it('answers every procedure the customer named, even one ranked well below the first', async () => {
    const g = new LocalReplyGenerator();
    const r = await g.generateReply(
      ctx({ customerLanguage: 'en', greeting: undefined, turnText: 'botox and chin filler, price of each?', knowledge: [namedBotox, filler] }),
    );
    expect(r.text).toContain('KRW 50,000');
    expect(r.text).toContain('KRW 300,000');
    expect(r.text).toContain('Chin filler');
  });

  it('without names it answers the best match only (a weak row is another procedure)', async () => {
    const g = new LocalReplyGenerator();
    const r = await g.generateReply(
      ctx({
        customerLanguage: 'en',
        greeting: undefined,
        turnText: 'how much?',
        knowledge: [botox, { ...filler, metadata: { ...filler.metadata, named: false } }],
      }),
    );
    expect(r.text).toContain('KRW 50,000');
    expect(r.text).not.toContain('300,000');
  });

  it('gives a running event price with its end date, in the customer language', async () => {
    const g = new LocalReplyGenerator();
    const event: KnowledgeHit = { ...botox, metadata: { ...botox.metadata, priceKrw: 39000, eventActive: true, eventEndDate: '2031-05-31' } };
    const en = await g.generateReply(ctx({ customerLanguage: 'en', greeting: undefined, turnText: 'botox price?', knowledge: [event] }));
    expect(en.text).toMatch(/KRW 39,000 \(event price, until 2031-05-31\)/);
    const ja = await g.generateReply(ctx({ turnText: 'ボトックスの料金は？', knowledge: [event] }));
    expect(ja.text).toContain('2031-05-31まで');
  });

  it('adds the end date to a staff-written answer about the named procedure’s event', async () => {
    const g = new LocalReplyGenerator();
    const library: KnowledgeHit = {
      sourceType: 'response_library',
      sourceId: 'lib-event',
      content: 'event',
      metadata: { ko: { question: '보톡스 이벤트?', answer: '보톡스는 지금 이벤트 중입니다.' } },
      score: 0.9,
    };
    const event: KnowledgeHit = { ...namedBotox, metadata: { ...namedBotox.metadata, eventActive: true, eventEndDate: '2031-05-31' }, score: 0.85 };
    const r = await g.generateReply(ctx({ customerLanguage: 'ko', greeting: undefined, turnText: '보톡스 이벤트 언제까지예요?', knowledge: [library, event] }));
    expect(r.text).toContain('보톡스는 지금 이벤트 중입니다.');
    expect(r.text).toContain('2031-05-31까지');
  });
});
