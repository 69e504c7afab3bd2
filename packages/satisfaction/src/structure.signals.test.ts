// One example per signal kind and language, written for these tests (not taken from the eval sets).
import { describe, expect, it } from 'vitest';
import { scoreTurn, type ScorerInput, type ScorerMessage, type Signal } from './satisfaction.scorer';
import { isShortReply, unansweredOverlap } from './structure.signals';

const T0 = Date.parse('2026-05-11T03:00:00Z');
type Spec = [sender: ScorerMessage['sender'], text: string, minute: number];

function score(specs: Spec[], opts: Partial<ScorerInput> = {}) {
  const messages: ScorerMessage[] = specs.map(([sender, text, minute], i) => ({
    id: `m${i}`,
    sender,
    text,
    at: new Date(T0 + minute * 60_000),
    answeredById: null,
  }));
  messages.forEach((m, i) => {
    if (m.sender === 'customer') m.answeredById = messages.slice(i + 1).find((r) => r.sender !== 'customer')?.id ?? null;
  });
  const last = messages[messages.length - 1]!;
  // Replayed as the worker does: every customer message in order, the mood carried.
  let previous: number | null = null;
  let result: ReturnType<typeof scoreTurn> | null = null;
  messages.forEach((m, i) => {
    if (m.sender !== 'customer') return;
    result = scoreTurn({ messages: messages.slice(0, i + 1), currentMessageId: m.id, now: m.at, previousScore: previous, ...opts });
    previous = result.score;
  });
  return { ...result!, at: last.at };
}
const names = (r: { languageSignals: Signal[]; behaviorSignals: Signal[]; flowSignals: Signal[] }) =>
  [...r.languageSignals, ...r.behaviorSignals, ...r.flowSignals].map((s) => s.name);

describe('threats are red however politely worded', () => {
  it.each([
    ['ko', '친절하게 응대해 주셔서 감사하지만, 환불 처리가 안 되면 소비자원에 신고하겠습니다.'],
    ['ja', 'ご丁寧にありがとうございます。ただ、このままでしたら弁護士に相談させていただきます。'],
    ['en', 'Thank you kindly. Unless this is fixed by Friday I will be reporting you to the health authorities.'],
    ['zh', '谢谢您的回复，不过如果还是这样，我只能找律师了。'],
    ['zh-TW', '謝謝您，不過如果沒有改善，我會向衛生局檢舉。'],
    ['vi', 'Cảm ơn chị, nhưng nếu không giải quyết thì em sẽ nhờ luật sư ạ.'],
  ])('%s', (_lang, text) => {
    const r = score([['customer', text, 0]]);
    expect(r.level).toBe('red');
    expect(names(r)).toContain('threat');
  });

  it.each([
    ['ko', '지난번 상담이 너무 불친절했어요', '사과드립니다.', '이번 주에 연락 없으면 바비톡에 후기 올릴게요'],
    ['en', 'the nurse was rude to me', 'We apologise for that.', 'if nobody calls me back I will write a review about this'],
    ['zh-TW', '上次櫃檯態度很差', '非常抱歉。', '如果沒人處理我就寫負評'],
  ])('a review with a grievance and a condition is a threat (%s)', (_lang, first, reply, text) => {
    expect(
      score([
        ['customer', first, 0],
        ['staff', reply, 1],
        ['customer', text, 3],
      ]).level,
    ).toBe('red');
  });

  it.each([
    ['en', 'I read great reviews about you, I will book for Tuesday'],
    ['ko', '후기 보고 왔어요! 예약하고 싶어요'],
    ['ja', '口コミを見て来ました。予約したいです'],
  ])('a review mentioned happily is no threat (%s)', (_lang, text) => {
    const r = score([['customer', text, 0]]);
    expect(names(r)).not.toContain('threat');
    expect(r.level).toBe('green');
  });
});

describe('symptoms after a treatment', () => {
  const asked: Record<string, string> = {
    ko: '시술 후 괜찮으세요?',
    ja: '施術後いかがですか？',
    en: 'How are you feeling after the treatment?',
    zh: '做完感觉怎么样？',
    'zh-TW': '做完感覺如何？',
    vi: 'Dạ chị thấy sau khi làm thế nào ạ?',
  };
  it.each([
    ['ko', '바쁘신데 죄송해요, 사흘째인데 아직 눈밑에 멍이 조금 남아 있어요'],
    ['ja', 'ありがとうございます。一週間たってもまだ頬に少し内出血があります'],
    ['en', 'thanks for checking in! my cheeks are still a bit swollen after five days'],
    ['zh', '谢谢关心，已经一周了下巴还是有点红肿'],
    ['zh-TW', '謝謝關心，已經五天了額頭還是有一點瘀青'],
    ['vi', 'dạ cảm ơn, đã 4 ngày rồi mà cằm em vẫn còn sưng nhẹ ạ'],
  ])('lingering mild symptoms, politely told, are orange (%s)', (lang, text) => {
    const r = score([
      ['ai', asked[lang]!, 0],
      ['customer', text, 30],
    ]);
    expect(r.level).toBe('orange');
    expect(names(r)).toContain('symptomReported');
  });

  it.each([
    ['ko', '필러 맞은 자리가 점점 하얗게 변하고 통증이 더 심해져요'],
    ['ja', '注射したところが紫っぽくなって、痛みがひどくなってきました'],
    ['en', 'the filler spot turned bluish and the pain is worse than yesterday'],
    ['zh', '打的地方发紫了，而且越来越疼'],
    ['zh-TW', '打的地方變白了，而且越來越痛'],
    ['vi', 'chỗ tiêm chuyển tím và ngày càng đau hơn'],
  ])('warning signs are red (%s)', (lang, text) => {
    const r = score([
      ['ai', asked[lang]!, 0],
      ['customer', text, 5],
    ]);
    expect(r.level).toBe('red');
    expect(names(r)).toContain('warningSymptom');
  });

  it.each([
    ['ko', '시술하면 붓기는 보통 며칠 가요?'],
    ['ja', '施術後の腫れは何日くらい続きますか？'],
    ['en', 'how long does the swelling usually last after thread lifting?'],
    ['zh', '打完一般会肿几天？'],
    ['zh-TW', '做完通常會腫幾天？'],
    ['vi', 'tiêm xong thường sưng mấy ngày ạ?'],
  ])('a general question about symptoms is not a symptom (%s)', (_lang, text) => {
    const r = score([['customer', text, 0]]);
    expect(r.level).toBe('green');
    expect(names(r)).not.toContain('symptomReported');
  });

  it.each([
    ['ko', '붓기는 없어요, 감사합니다'],
    ['en', 'no swelling at all, thank you'],
    ['zh', '不肿，谢谢'],
    ['vi', 'không sưng gì cả, cảm ơn ạ'],
  ])('a negated symptom is no symptom (%s)', (lang, text) => {
    const r = score([
      ['ai', asked[lang]!, 0],
      ['customer', text, 30],
    ]);
    expect(names(r)).not.toContain('symptomReported');
    expect(r.level).toBe('green');
  });
});

describe('competitors and churn', () => {
  it.each([
    ['ko', '다른 데는 20만원이던데 여기는 좀 더 비싸네요'],
    ['ja', '他院だともう少し安かったです'],
    ['en', 'another clinic near Sinsa quoted me less for the same thing'],
    ['zh', '别家比你们便宜一点'],
    ['zh-TW', '別家比較便宜耶'],
    ['vi', 'chỗ khác báo giá thấp hơn một chút'],
  ])('a comparison alone is yellow (%s)', (_lang, text) => {
    const r = score([
      ['ai', 'The price is KRW 300,000.', 0],
      ['customer', text, 2],
    ]);
    expect(r.level).toBe('yellow');
    expect(names(r)).toContain('competitorComparison');
  });

  it.each([
    ['ko', '됐어요, 다른 병원 예약했어요'],
    ['ja', 'もういいです。他のクリニックにします'],
    ['en', "forget it, I've booked there instead, the other clinic replied right away"],
    ['zh', '算了，已经约别家了'],
    ['zh-TW', '不用了，我去別家'],
    ['vi', 'thôi khỏi, em đặt chỗ khác rồi'],
  ])('churn to a competitor is red (%s)', (_lang, text) => {
    const r = score([
      ['customer', 'Is Saturday free?', 0],
      ['ai', 'Let me check with staff.', 1],
      ['customer', text, 25],
    ]);
    expect(r.level).toBe('red');
    expect(names(r)).toContain('churnAnnounced');
  });
});

describe('disengagement: a short non-committal reply after a real question', () => {
  it.each([
    ['ko', '어떤 부위가 제일 고민이세요?', '음'],
    ['ja', 'ご来院はいつ頃のご予定ですか？', 'うーん'],
    ['en', 'Which day would suit you best?', 'hm ok'],
    ['zh', '您想做哪个部位呢？', '嗯'],
    ['zh-TW', '您想約哪一天呢？', '喔'],
    ['vi', 'Chị muốn làm vùng nào ạ?', 'ừm'],
  ])('%s', (_lang, question, reply) => {
    const after = score([
      ['customer', 'hi', 0],
      ['ai', question, 1],
      ['customer', reply, 9],
    ]);
    expect(after.level).toBe('yellow');
    expect(names(after)).toContain('disengagedReply');
    // The same reply after a statement is just an acknowledgement.
    const ack = score([
      ['customer', 'hi', 0],
      ['ai', 'Our clinic opens at 10.', 1],
      ['customer', reply, 9],
    ]);
    expect(names(ack)).not.toContain('disengagedReply');
  });

  it.each([
    ['ko', '다음에 다시 연락드릴게요'],
    ['ja', 'また今度にします'],
    ['en', "I'll think about it"],
    ['zh', '以后再说吧'],
    ['zh-TW', '再看看好了'],
    ['vi', 'để sau nha'],
  ])('deferral is yellow (%s)', (_lang, text) => {
    expect(
      score([
        ['ai', 'Shall I book you in?', 0],
        ['customer', text, 4],
      ]).level,
    ).toBe('yellow');
  });

  it('a committal short answer is not disengagement', () => {
    expect(
      names(
        score([
          ['ai', 'Morning or afternoon?', 0],
          ['customer', 'afternoon', 1],
        ]),
      ),
    ).not.toContain('disengagedReply');
    expect(
      names(
        score([
          ['ai', '예약 도와드릴까요?', 0],
          ['customer', '네', 1],
        ]),
      ),
    ).not.toContain('disengagedReply');
  });
});

describe('repeated asking across turns', () => {
  it.each([
    ['ko', '여의도에서 가는 버스 있어요?', '저희는 10시에 엽니다.', '여의도에서 가는 버스 있냐고요'],
    ['ja', '英語のメニューはありますか？', '予約はこちらで承ります。', 'すみません、英語のメニューはありますか？'],
    ['en', 'can I pay with apple pay?', 'We are open until 8pm.', 'ok but can I pay with apple pay or not?'],
    ['zh', '可以开发票吗？', '我们在新论岘站。', '我是问可以开发票吗'],
    ['zh-TW', '可以刷銀聯卡嗎？', '我們週日休診。', '所以到底可以刷銀聯卡嗎？'],
    ['vi', 'có chỗ gửi xe máy không ạ?', 'Dạ phòng khám mở cửa lúc 10h.', 'em hỏi là có chỗ gửi xe máy không ạ?'],
  ])('the same question after an answer that missed it is orange (%s)', (_lang, q, miss, again) => {
    const r = score([
      ['customer', q, 0],
      ['ai', miss, 1],
      ['customer', again, 3],
    ]);
    expect(r.level).toBe('orange');
    expect(names(r)).toContain('repeatedQuestion');
  });

  it.each([
    ['en', 'how much is thermage?', 'Thermage FLX full face is KRW 2,390,000.', 'is thermage for the eyes included in that?'],
    ['ko', '써마지 얼마예요?', '써마지 얼굴 600샷은 2,390,000원입니다.', '써마지 눈가도 포함인가요?'],
  ])('a follow-up on what the hub answered is not a re-ask (%s)', (_lang, q, answer, follow) => {
    const r = score([
      ['customer', q, 0],
      ['ai', answer, 1],
      ['customer', follow, 3],
    ]);
    expect(names(r)).not.toContain('repeatedQuestion');
    expect(r.level).toBe('green');
  });

  it('overlap ignores what the hub said in between', () => {
    expect(unansweredOverlap('is numbing included?', 'is numbing included or not?', ['Numbing is included.']).ratio).toBeLessThan(0.3);
    expect(unansweredOverlap('is numbing included?', 'is numbing included or not?', ['We open at 10.']).shared).toBeGreaterThan(3);
  });
});

describe('waiting for a person', () => {
  const wait = (lang: string, nudge: string, minute: number) =>
    score(
      [
        ['customer', lang === 'en' ? 'can I move my booking?' : '予約を変更できますか', 0],
        ['ai', 'I have asked our staff; they will reply here.', 0.5],
        ['customer', nudge, minute],
      ],
      { handoff: { active: true } },
    );

  it.each([
    ['ko', '혹시 확인 가능하실까요?', 12, 'yellow'],
    ['ja', 'まだでしょうか', 45, 'orange'],
    ['en', 'hello, any news?', 200, 'red'],
    ['zh', '请问有结果了吗', 11, 'yellow'],
    ['zh-TW', '請問還要等多久', 50, 'orange'],
    ['vi', 'dạ cho em hỏi có ai xem chưa ạ', 240, 'red'],
  ])('%s: a nudge %s after %i min is %s', (lang, nudge, minute, level) => {
    expect(wait(lang, nudge, minute as number).level).toBe(level);
  });

  it.each([
    ['ko', '천천히 확인해 주세요'],
    ['en', 'no hurry at all'],
    ['zh', '不急，慢慢来'],
    ['vi', 'dạ không gấp đâu ạ'],
  ])('a relaxed reply a minute into the wait is green (%s)', (lang, text) => {
    expect(wait(lang, text, 2).level).toBe('green');
  });
});

describe('explicit complaints stay a floor', () => {
  it('a complaint with thanks is still orange at least', () => {
    expect(['orange', 'red']).toContain(score([['customer', 'Thanks, but honestly this was the worst service I have had 🙏', 0]]).level);
  });
});

describe('isShortReply', () => {
  it('counts Latin words and CJK characters', () => {
    expect(['ok', 'maybe later', '嗯', '음', 'ừm', 'うーん'].map(isShortReply)).toEqual([true, true, true, true, true, true]);
    expect(['I would like the afternoon slot please', '다음주 토요일 오후 두시에 갈게요'].map(isShortReply)).toEqual([false, false]);
  });
});
