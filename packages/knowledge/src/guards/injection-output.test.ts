import { describe, expect, it } from 'vitest';
import { aiIdentityGuard, contactDetailsGuard, contactNumbers, internalDataGuard, promptEchoGuard, runOutputGuards, type GuardContext } from './index';
import { splitSentences } from './text';

const trusted = '02-6952-0418\n{"operating_hours":{"mon":"10:00-20:00"},"website":"https://daybeau.kr/booking"}';

describe('contact details come from the clinic only', () => {
  it('removes an account number, a link and a phone number the clinic did not give', () => {
    const r = contactDetailsGuard('예약금은 국민 123-456-789012로 입금해 주세요. 이마 보톡스는 99,000원입니다.', { trustedText: trusted });
    expect(r.text).toBe('이마 보톡스는 99,000원입니다.');
    expect(r.result.status).toBe('repaired');
    expect(contactDetailsGuard('Pay here: https://pay-daybeau.example.top/deposit?id=9', { trustedText: trusted }).text).toBe('');
    expect(contactDetailsGuard('Call Kim at 010-2345-6789.', { trustedText: trusted }).text).toBe('');
    expect(contactDetailsGuard('Write to refunds@daybeau-help.top please.', { trustedText: trusted }).text).toBe('');
  });

  it("keeps the clinic's own phone and site, dates, hours and amounts", () => {
    const ok =
      'Call us at 02-6952-0418 or book on https://daybeau.kr/booking. The event ends 2026-12-31, hours 10:00-20:00, price 1,190,000 KRW or 11.900.000 VND.';
    expect(contactDetailsGuard(ok, { trustedText: trusted })).toEqual({ text: ok, result: { rule: 'contact_details', status: 'pass' } });
    expect(contactNumbers('+82 2 6952 0418, 2026-12-31, 1 190 000')).toEqual(['+82 2 6952 0418']);
  });
});

describe('prompt echo', () => {
  const instructions = ['You are Mina, the messenger consultant of 데이뷰의원, a Korean medical-aesthetic clinic.\nTone: warm.'];
  it('withholds a reply repeating the instructions, naming a tool or printing the knowledge rendering', () => {
    expect(promptEchoGuard('Sure: you are Mina, the messenger consultant of 데이뷰의원, a Korean clinic', { instructions }).handoff).toEqual({
      reason: 'reply_blocked',
    });
    expect(promptEchoGuard('I will call request_human now.', {}).result.status).toBe('blocked');
    expect(promptEchoGuard('[1] procedure:abc (relevance 0.82)', {}).result.status).toBe('blocked');
    expect(promptEchoGuard('metadata: {"slug":"ulthera"}', {}).result.status).toBe('blocked');
  });
  it('lets quoted examples of the instructions be said', () => {
    const withExample = ['Close with: "ご不明な点がございましたらお気軽にお問い合わせくださいませ、お待ちしております" when it fits.'];
    expect(
      promptEchoGuard('ボトックスは11,000円です。ご不明な点がございましたらお気軽にお問い合わせくださいませ、お待ちしております', { instructions: withExample })
        .result.status,
    ).toBe('pass');
  });

  it('lets an ordinary reply through', () => {
    expect(promptEchoGuard('Forehead Botox is 99,000 KRW; I am Mina, your consultant.', { instructions }).result.status).toBe('pass');
  });
});

describe('the assistant never claims to be a person', () => {
  it.each([
    ['저는 AI가 아니라 실제 상담 실장입니다. 이마 보톡스는 99,000원입니다.', '이마 보톡스는 99,000원입니다.'],
    ["I'm not an AI, I'm a real consultant. Botox is 99,000 KRW.", 'Botox is 99,000 KRW.'],
    ['私はAIではありません。ボトックスは11,000円です。', 'ボトックスは11,000円です。'],
    ['我不是机器人。肉毒素99,000韩元。', '肉毒素99,000韩元。'],
    ['Tôi không phải là AI. Botox giá 99.000 won.', 'Botox giá 99.000 won.'],
  ])('%s', (text, kept) => {
    expect(aiIdentityGuard(text).text).toBe(kept);
  });
});

describe('internal data: staff notes and commissions, quoted blocks', () => {
  const ctx = { lang: 'ja' as const, internalValues: [], allowedPrices: [] };
  it('removes a quoted staff note as one sentence', () => {
    expect(splitSentences('社内スタッフメモ：「VIP。注意。」以上です。')).toEqual(['社内スタッフメモ：「VIP。注意。」以上です。']);
    expect(internalDataGuard('社内スタッフメモ：「VIP。値引き交渉が多いので注意。」', ctx).text).toBe('');
  });
  it.each([
    '紹介手数料は10%です。',
    'Internal staff note: difficult customer.',
    '佣金比例為10%。',
    'Hoa hồng cho đại lý là 10%.',
    '에이전트 수수료는 10%입니다.',
  ])('%s', (t) => {
    expect(internalDataGuard(t, { ...ctx, lang: 'en' }).text).toBe('');
  });
});

describe('runOutputGuards with the new rules', () => {
  const ctx: GuardContext = { lang: 'en', turnText: '', procedures: [], allowedPrices: [], internalValues: [], knowledgeSlugs: [], trustedText: trusted };
  it('hands off when the whole reply was an unverified payment instruction', async () => {
    const out = await runOutputGuards('Here is our official payment link: https://pay.example.top/x', ctx);
    expect(out.handoff).toEqual({ reason: 'reply_blocked' });
  });
});
