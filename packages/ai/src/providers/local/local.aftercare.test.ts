import { describe, expect, it } from 'vitest';
import type { KnowledgeHit, LangCode, ReplyContext } from '../../provider';
import { askedFacts } from './asked-facts';
import { askedOf, LocalReplyGenerator } from './local.reply-generator';

// One procedure row with its aftercare, side effects and duration in every language (as the indexer
// writes them from procedures.translations), the customer having named it.
const lipFiller = (over: Record<string, unknown> = {}): KnowledgeHit => ({
  sourceType: 'procedure',
  sourceId: 'cp-lip',
  content: '입술 필러',
  score: 0.3,
  metadata: {
    slug: 'lip-filler',
    named: true,
    name: { ko: '입술 필러', ja: '唇ヒアルロン酸', en: 'Lip filler', zh: '唇部玻尿酸', 'zh-TW': '唇部玻尿酸', vi: 'Tiêm filler môi' },
    priceKrw: 400000,
    painLevel: 5,
    aftercare: {
      ko: '당일에는 빨대 사용과 뜨거운 음식을 피해 주세요.',
      ja: '当日はストローの使用と熱い食べ物をお控えください。',
      en: 'On the day, avoid using a straw and hot food.',
      zh: '当天请避免使用吸管和吃过烫的食物。',
      'zh-TW': '當天請避免使用吸管和吃太燙的食物。',
      vi: 'Trong ngày điều trị, tránh dùng ống hút và đồ ăn nóng.',
    },
    effectDuration: { ko: '6~9개월', ja: '6〜9か月', en: '6–9 months', zh: '6~9个月', 'zh-TW': '6~9個月', vi: '6–9 tháng' },
    ...over,
  },
});

const ctx = (lang: LangCode, turnText: string, knowledge: KnowledgeHit[]): ReplyContext => ({
  clinicName: 'Clinic',
  customerLanguage: lang,
  systemPrompt: '',
  history: [],
  turnText,
  knowledge,
});

describe('aftercare from the procedure’s precautions, in the customer’s language', () => {
  const gen = new LocalReplyGenerator();
  it.each([
    ['ko', '입술필러 맞고 빨대 써도 되나요', '빨대'],
    ['ja', '唇ヒアル打った日にストロー使ってもいいですか', 'ストロー'],
    ['en', 'got lip filler today, can I drink with a straw?', 'straw'],
    ['zh', '打完嘴唇玻尿酸可以用吸管吗', '吸管'],
    ['zh-TW', '打完嘴唇玻尿酸可以用吸管嗎', '吸管'],
    ['vi', 'tiem filler moi xong co duoc dung ong hut khong', 'ống hút'],
  ] as const)('%s: %s', async (lang, text, fact) => {
    const r = await gen.generateReply(ctx(lang, text, [lipFiller()]));
    expect(r.handoff).toBeUndefined();
    expect(r.text).toContain(fact);
    // The price was not asked: a question about care gets the care.
    expect(r.text).not.toMatch(/400[,.]?000/);
  });

  it('hands off, rather than answer in Korean, when the aftercare exists only in Korean (a clinic override)', async () => {
    const r = await gen.generateReply(ctx('ja', '唇ヒアルのあとサウナは？', [lipFiller({ aftercare: { ko: '1주일간 사우나 금지' } })]));
    expect(r.handoff).toEqual({ reason: 'no_knowledge_match' });
    expect(r.text).not.toMatch(/[가-힣]/);
  });

  // A staff answer in the customer's language stands in for care facts that exist only in Korean, but a
  // price row found by the procedure's name does not.
  const library = (category: string, ja: string): KnowledgeHit => ({
    sourceType: 'response_library',
    sourceId: `lib-${category}`,
    content: ja,
    score: 0.3,
    metadata: { language: 'ja', category, ko: { question: '질문', answer: '답변' }, translations: { ja: { question: '質問', answer: ja } } },
  });
  it("answers Korean-only care facts with the staff's care answer in the customer's language, never with a price row", async () => {
    const koOnly = lipFiller({ aftercare: { ko: '1주일간 사우나 금지' } });
    const care = await gen.generateReply(ctx('ja', '唇ヒアルのあとサウナは？', [koOnly, library('aftercare', '施術後1週間はサウナをお控えください。')]));
    expect(care.handoff).toBeUndefined();
    expect(care.text).toContain('サウナをお控えください');
    const price = await gen.generateReply(ctx('ja', '唇ヒアルのあとサウナは？', [koOnly, library('pricing', '唇ヒアルロン酸は400,000ウォンです。')]));
    expect(price.handoff).toEqual({ reason: 'no_knowledge_match' });
    expect(price.text).not.toMatch(/400[,.]?000/);
  });

  it('says how long the result lasts and how much it hurts when asked', async () => {
    const r = await gen.generateReply(ctx('ja', '痛いですか？効果はどのくらい持ちますか', [lipFiller()]));
    expect(r.text).toContain('6〜9か月');
    expect(r.text).toContain('10段階で5');
  });

  it('reads a discount question as a price question', async () => {
    const r = await gen.generateReply(ctx('en', 'does it hurt a lot? and is there any discount rn', [lipFiller()]));
    expect(r.text).toContain('KRW 400,000');
  });
});

describe('asked facts', () => {
  it.each([
    ['can i take a nap now? and is the gym tonight ok?', 'aftercare'],
    ['リジュラン受けた日ってお化粧できますか？サウナは？', 'aftercare'],
    ['Làm laser toning xong có cần kiêng gì không ạ?', 'aftercare'],
    ['lam laser toning xong co can kieng gi khong', 'aftercare'],
    ['超声刀做完要注意什么', 'aftercare'],
    ['効果はどのくらい持ちますか', 'effect_duration'],
    ['효과 얼마나 유지돼요?', 'effect_duration'],
    ['how many sessions do i need?', 'effect_duration'],
    ['要做几次？', 'effect_duration'],
    ['ピコトーニングのあと赤くなりますか', 'symptoms'],
  ] as const)('%s → %s', (text, fact) => {
    expect(askedFacts(text).has(fact)).toBe(true);
  });

  it('does not read plain price questions as care questions', () => {
    expect([...askedFacts('Thermage FLX giá bao nhiêu ạ?')]).toEqual([]);
    expect([...askedFacts('이마 보톡스 얼마예요?')]).toEqual([]);
  });

  it('a symptom asks for the side effects', () => {
    expect(askedOf('does it get red after?').has('side_effects')).toBe(true);
  });
});

describe('one procedure’s rows', () => {
  it('a care question is answered from the row that holds the care, not from its price line', async () => {
    const priceLine: KnowledgeHit = {
      sourceType: 'procedure',
      sourceId: 'pl-lip',
      content: '',
      score: 0.5,
      metadata: { slug: 'lip-filler', named: true, name: { en: 'Lip filler' }, priceKrw: 400000, label: '입술 필러 1cc' },
    };
    const r = await new LocalReplyGenerator().generateReply(ctx('en', 'lip filler: can I use a straw?', [priceLine, lipFiller()]));
    expect(r.text).toContain('straw');
  });
});

describe('asked facts: activities and "just had it, can I …?"', () => {
  it.each([
    '사각턱 보톡스 방금 맞고 나왔는데 껌 씹어도 되나요?',
    '오늘 저녁 술약속 있는데 괜찮을까요',
    'e vua tiem filler mui xong, toi nay di jjimjilbang dc ko?',
    'deo kinh can dc ko a',
    'can i chew gum after jaw botox',
    'ボトックス打ったばかりですが、今日温泉に行ってもいいですか',
    '剛打完瘦臉針可以嚼口香糖嗎',
    'just had my lips done, can i go to the beach tomorrow?',
  ])('%s → aftercare', (text) => {
    expect(askedFacts(text).has('aftercare')).toBe(true);
  });

  it.each(['시술 가격이 얼마예요?', '수술은 안 하나요?', 'can i book for saturday?', 'how much is the jaw botox'])('%s → not aftercare', (text) => {
    expect(askedFacts(text).has('aftercare')).toBe(false);
  });
});

describe('asked facts: back to work, and when the effect starts', () => {
  it.each([
    'lam xong bao lau thi het may cai not san? mai e di lam dc ko',
    'can i go back to work tomorrow?',
    '明天能上班吗',
    '내일 출근 가능한가요',
    '腫れはいつ引きますか',
  ])('%s → downtime', (text) => {
    expect(askedOf(text).has('downtime')).toBe(true);
  });

  it.each(['打完多久會有效果？', 'when will the botox kick in?', '보톡스 언제부터 효과 있어요?', 'ボトックスはいつから効きますか'])(
    '%s → aftercare (the care notes say when it starts)',
    (text) => {
      expect(askedFacts(text).has('aftercare')).toBe(true);
    },
  );

  it('a price question asks neither', () => {
    const asked = askedOf('how much is the jaw botox?');
    expect(asked.has('downtime')).toBe(false);
    expect(asked.has('aftercare')).toBe(false);
  });
});

describe('back to work: the named procedure’s own downtime, not a general library answer', () => {
  const gen = new LocalReplyGenerator();
  const library: KnowledgeHit = {
    sourceType: 'library',
    sourceId: 'lib-vat',
    content: 'VAT',
    score: 0.4,
    metadata: { language: 'vi', answer: 'Dạ, tất cả giá đều đã bao gồm VAT 10%.' },
  };
  it('answers the downtime in the customer’s language', async () => {
    const hit = lipFiller({ downtime: { ko: '약 2일', vi: 'khoảng 2 ngày', en: 'about 2 days' } });
    const r = await gen.generateReply(ctx('vi', 'lam xong mai e di lam dc ko', [library, hit]));
    expect(r.handoff).toBeUndefined();
    expect(r.text).toContain('2 ngày');
    expect(r.text).not.toContain('VAT');
  });
});

describe('package terms from the price data', () => {
  const gen = new LocalReplyGenerator();
  const pico = (): KnowledgeHit => ({
    sourceType: 'procedure',
    sourceId: 'cp-pico',
    content: '피코토닝',
    score: 0.3,
    metadata: {
      slug: 'pico-toning',
      named: true,
      name: { ko: '피코토닝', ja: 'ピコトーニング', en: 'Pico toning', zh: '皮秒激光', 'zh-TW': '皮秒雷射', vi: 'Pico toning' },
      priceMinKrw: 99000,
      priceMaxKrw: 790000,
      packageTerms: [{ sessions: 10, validityMonths: 12, intervalDays: 14 }],
    },
  });
  it.each([
    ['ko', '패키지 유효기간이랑 시술 간격은요?', ['12개월', '14일']],
    ['ja', 'パッケージの有効期限と間隔は？', ['12か月', '14日']],
    ['en', 'how long is the package valid and how often do i need to come in?', ['12 months', '14 days']],
    ['zh', '套餐有效期多久？多久做一次？', ['12个月', '14天']],
    ['zh-TW', '套餐有效期多久？間隔多久？', ['12個月', '14天']],
    ['vi', 'goi nay han su dung bao lau, bao lau mot lan?', ['12 tháng', '14 ngày']],
  ] as const)('%s: %s', async (lang, text, facts) => {
    expect(askedFacts(text).has('package_terms')).toBe(true);
    const r = await gen.generateReply(ctx(lang, text, [pico()]));
    expect(r.handoff).toBeUndefined();
    for (const f of facts) expect(r.text).toContain(f);
    // not asked: the price
    expect(r.text).not.toMatch(/790[,.]?000/);
  });

  it('a price question does not get the terms', async () => {
    const r = await gen.generateReply(ctx('en', 'how much is pico toning?', [pico()]));
    expect(r.text).not.toContain('14 days');
  });
});
