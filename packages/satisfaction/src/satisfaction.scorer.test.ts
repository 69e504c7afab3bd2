import { describe, expect, it } from 'vitest';
import { levelOf, matchLexicon, scoreTurn, type ScorerInput, type ScorerMessage, type Signal } from './satisfaction.scorer';

const T0 = Date.parse('2026-03-02T01:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000);

type Spec = [sender: ScorerMessage['sender'], text: string, minute: number];

/** Messages from a compact spec; every customer message is answered by the next hub message. */
function convo(specs: Spec[], opts: Partial<ScorerInput> = {}): ScorerInput {
  const messages: ScorerMessage[] = specs.map(([sender, text, minute], i) => ({ id: `m${i}`, sender, text, at: at(minute), answeredById: null }));
  messages.forEach((m, i) => {
    if (m.sender === 'customer') m.answeredById = messages.slice(i + 1).find((r) => r.sender !== 'customer')?.id ?? null;
  });
  const last = messages[messages.length - 1]!;
  return { messages, currentMessageId: last.id, now: last.at, ...opts };
}

const one = (text: string, opts: Partial<ScorerInput> = {}) => scoreTurn(convo([['customer', text, 0]], opts));
const names = (signals: Signal[]) => signals.map((s) => s.name);
const all = (r: ReturnType<typeof scoreTurn>) => [...r.languageSignals, ...r.behaviorSignals, ...r.flowSignals];

describe('levelOf', () => {
  it('cuts at 70 / 50 / 30', () => {
    expect([100, 70, 69, 50, 49, 30, 29, 0].map(levelOf)).toEqual(['green', 'green', 'yellow', 'yellow', 'orange', 'orange', 'red', 'red']);
  });
});

describe('scoreTurn: language signals', () => {
  it('starts a neutral first message at the baseline with no signals', () => {
    const r = one('리쥬란 힐러 시술 시간이 얼마나 걸리나요?');
    expect(r.score).toBe(75);
    expect(r.level).toBe('green');
    expect(all(r)).toEqual([]);
  });

  it.each([
    ['ja', '本当に最悪です', '最悪'],
    ['en', 'This is terrible service', 'terrible'],
    ['zh', '服务太差了', '太差'],
    ['zh-TW', '我很失望', '失望'],
    ['vi', 'Dịch vụ tệ', 'tệ'],
    ['ko', '진짜 최악이에요', '최악'],
  ])('complaint words lower the score (%s)', (_lang, text, word) => {
    const r = one(text);
    expect(r.score).toBeLessThan(75);
    expect(r.languageSignals.find((s) => s.name === 'complaintWords')).toMatchObject({ evidence: [word], weight: -18 });
  });

  it.each([
    ['ja', 'ありがとうございます'],
    ['en', 'Thanks a lot'],
    ['zh', '谢谢'],
    ['zh-TW', '謝謝'],
    ['vi', 'cảm ơn bạn'],
    ['ko', '감사합니다'],
  ])('gratitude raises the score (%s)', (_lang, text) => {
    expect(one(text).score).toBeGreaterThan(75);
  });

  it('longer phrases win over the words inside them; English negation flips a positive word', () => {
    expect(matchLexicon('it was not good').get('negative')).toEqual(['not good']);
    expect(matchLexicon('it was not good').has('positive')).toBe(false);
    expect(matchLexicon("that isn't great").get('negative')).toEqual(['¬great']);
    expect(matchLexicon('không tốt').has('positive')).toBe(false);
    expect(matchLexicon('I use facebook').has('bookingIntent')).toBe(false);
  });

  it('anger outweighs plain negativity', () => {
    expect(one('This is ridiculous').score).toBeLessThan(one('This is a bit confusing').score);
  });

  it('notices a drop in politeness (ja です/ます → plain, ko 요 → 반말)', () => {
    const ja = scoreTurn(
      convo([
        ['customer', '予約できますか？', 0],
        ['ai', 'はい、可能です。', 1],
        ['customer', 'だから何時に行けばいいのか聞いてるんだけど', 3],
      ]),
    );
    expect(names(ja.languageSignals)).toContain('politenessDrop');
    const ko = scoreTurn(
      convo([
        ['customer', '예약하고 싶어요', 0],
        ['ai', '네 언제가 좋으세요?', 1],
        ['customer', '내일 오후 세시 된다고 했잖아', 3],
      ]),
    );
    expect(names(ko.languageSignals)).toContain('politenessDrop');
    const stillPolite = scoreTurn(
      convo([
        ['customer', '예약하고 싶어요', 0],
        ['ai', '네 언제가 좋으세요?', 1],
        ['customer', '내일 오후 세시 가능할까요?', 3],
      ]),
    );
    expect(names(stillPolite.languageSignals)).not.toContain('politenessDrop');
  });

  it('flags the same question asked again', () => {
    const r = scoreTurn(
      convo([
        ['customer', '医生是女的吗？', 0],
        ['ai', '我们有多位医生。', 1],
        ['customer', '医生是女的吗？？', 2],
      ]),
    );
    expect(all(r).find((s) => s.name === 'repeatedQuestion')).toMatchObject({ weight: -15, floor: 'orange' });
    const fresh = scoreTurn(
      convo([
        ['customer', '医生是女的吗？', 0],
        ['ai', '是的。', 1],
        ['customer', '周六营业吗？', 2],
      ]),
    );
    expect(names(all(fresh))).not.toContain('repeatedQuestion');
  });

  it('all caps and !!!/??? runs push down; a happy "!!" does not', () => {
    expect(names(one('WHY IS NOBODY ANSWERING ME').languageSignals)).toContain('allCaps');
    expect(one('why is nobody answering me???').score).toBeLessThan(one('why is nobody answering me').score);
    expect(names(one('ありがとうございます！！').languageSignals)).not.toContain('punctuationRuns');
  });

  it('emoji move the score both ways', () => {
    expect(one('ok 😡👎').score).toBeLessThan(75);
    expect(one('ok 😊🙏').score).toBeGreaterThan(75);
    expect(one('네 ㅠㅠ').score).toBeLessThan(75);
  });
});

describe('scoreTurn: behaviour signals', () => {
  it('the longer the customer has been waiting, the lower the score', () => {
    const after = (min: number) =>
      scoreTurn(
        convo([
          ['customer', 'I want to move my booking to Friday', 0],
          ['customer', 'ok?', min],
        ]),
      ).score;
    expect(after(1)).toBeGreaterThan(after(10));
    expect(after(10)).toBeGreaterThan(after(40));
    expect(after(40)).toBeGreaterThan(after(90));
  });

  it('a slow hub reply counts against the next turn', () => {
    const fast = scoreTurn(
      convo([
        ['customer', 'Price for botox?', 0],
        ['ai', '100,000 KRW', 1],
        ['customer', 'ok', 2],
      ]),
    );
    const slow = scoreTurn(
      convo([
        ['customer', 'Price for botox?', 0],
        ['ai', '100,000 KRW', 45],
        ['customer', 'ok', 46],
      ]),
    );
    expect(slow.behaviorSignals.find((s) => s.name === 'hubReplyDelay')).toMatchObject({ value: 45 });
    expect(slow.score).toBeLessThan(fast.score);
  });

  it('many unanswered messages in a row lower it further', () => {
    const r = scoreTurn(
      convo([
        ['customer', 'hi', 0],
        ['customer', 'hello', 1],
        ['customer', 'hello', 2],
        ['customer', 'hello', 3],
        ['customer', 'hello', 4],
      ]),
    );
    expect(r.behaviorSignals.find((s) => s.name === 'messageFrequency')?.weight).toBe(-8);
  });
});

describe('scoreTurn: flow signals', () => {
  it.each(['too expensive', '高いですね', '太贵了', 'đắt quá', '좀 비싸네요'])('price objection: %s', (text) => {
    const r = one(text);
    expect(names(r.flowSignals)).toContain('priceObjection');
    expect(r.level).toBe('yellow');
  });

  it('counts unanswered questions and an AI handoff', () => {
    const r = scoreTurn(
      convo(
        [
          ['customer', 'Can I get a refund for the deposit?', 0],
          ['ai', 'I have passed this to our staff.', 1],
          ['customer', 'Is the clinic open on Sunday?', 2],
          ['customer', 'ok', 10],
        ],
        {
          handoff: { active: true, reason: 'refund request' },
        },
      ),
    );
    expect(r.flowSignals.find((s) => s.name === 'unansweredQuestions')).toMatchObject({ value: 1 });
    expect(r.flowSignals.find((s) => s.name === 'aiHandoff')).toMatchObject({ value: 'refund request', weight: -6 });
  });

  it('"hello?" is an opener, not impatience, unless the customer is already waiting', () => {
    expect(one('hello?').score).toBe(75);
    const waiting = scoreTurn(
      convo([
        ['customer', 'Can you change my booking?', 0],
        ['customer', 'hello?', 12],
      ]),
    );
    expect(names(waiting.languageSignals)).toContain('presenceCheck');
  });
});

describe('scoreTurn: combination', () => {
  it('clamps to 0..100', () => {
    const worst = one('THIS IS RIDICULOUS!!! WORST CLINIC EVER, SCAM, REFUND NOW 😡😡😡 I will go to another clinic');
    expect(worst.score).toBe(0);
    expect(worst.level).toBe('red');
    const best = one('Thank you so much, perfect, amazing, wonderful, looking forward 😊😍🙏', { previousScore: 100 });
    expect(best.score).toBe(100);
  });

  it('the mood is sticky: a neutral message after anger stays low, and drifts back over turns', () => {
    const afterAnger = one('ok', { previousScore: 10 });
    expect(afterAnger.level).toBe('orange');
    expect(afterAnger.flowSignals.find((s) => s.name === 'carryOver')).toMatchObject({ weight: -45, value: 10 });
    const next = one('ok', { previousScore: afterAnger.score });
    expect(next.score).toBeGreaterThan(afterAnger.score);
    expect(one('ok', { previousScore: 95 }).score).toBeGreaterThan(75);
  });

  it('score = baseline + Σ weights (before clamping): every point is explained by a signal', () => {
    const r = scoreTurn(
      convo(
        [
          ['customer', '双眼皮手术多少钱？', 0],
          ['ai', '150万韩元。', 1],
          ['customer', '有点贵啊，能便宜一点吗？😞', 3],
        ],
        { previousScore: 70 },
      ),
    );
    expect(r.score).toBe(75 + all(r).reduce((s, x) => s + x.weight, 0));
  });

  it('is deterministic', () => {
    const input = convo(
      [
        ['customer', 'まだですか？返事をください', 0],
        ['customer', 'ふざけないで！！', 30],
      ],
      { previousScore: 40 },
    );
    expect(scoreTurn(input)).toEqual(scoreTurn(input));
  });

  it('rejects an input without the current message', () => {
    expect(() => scoreTurn({ messages: [], currentMessageId: 'x', now: at(0) })).toThrow(/not among/);
  });
});
