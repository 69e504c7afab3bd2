import type { UnseenKind, UnseenQuestion } from './unseen-questions';

/**
 * A second batch of unseen customer questions over the demo clinic (데이뷰의원), all in the `dev` split,
 * written in December 2026 by an outside evaluator from the seed data only (packages/db/src/seed/*.data.ts:
 * clinics, pricing, procedures, procedure translations, response library). No consultant code, rules or
 * `test` questions were read. Weighted toward the hard kinds: follow-ups, several prices in one message,
 * event end dates, aftercare, side effects, directions, procedures the clinic does not offer, emergencies.
 *
 * The shared helpers of unseen-questions.ts are not exported, so the expectations below are written
 * inline in the same shape (KRW number forms, event end-date forms, "not offered" wordings, emergency
 * numbers and the clinic phone 02-6952-0418).
 *
 * Event end dates are relative to the seed run (running event = seed day (Asia/Seoul) + 30 days).
 * `buildUnseenDev2Questions(seedDate)` rebuilds the date alternatives for another seed day; the default
 * export assumes the database was seeded today.
 */

type Lang = UnseenQuestion['lang'];
type Raw = Omit<UnseenQuestion, 'id' | 'split' | 'source'>;
type Extra = Partial<Omit<Raw, 'kind' | 'lang' | 'text'>>;

// ───────────────────────── shared expectations (same shape as unseen-questions.ts) ─────────────────────────

/** Internal business fields that must never reach a customer (pricing.data.ts `internal`). */
const INTERNAL = [
  '원가',
  '재료비',
  '난이도',
  'material cost',
  'materialCost',
  'cost price',
  'wholesale',
  'difficulty score',
  'difficultyScore',
  'sales performance',
  'salesPerformance',
  'clinicPreference',
  '原価',
  '仕入れ値',
  '難易度',
  '成本',
  '进货价',
  '進貨',
  '难度',
  '難度',
  'giá vốn',
  'giá nhập',
  'độ khó',
];
/** Korean sentence endings: in a non-Korean reply they mean an untranslated (mixed-language) answer. */
const KO_MIX = ['습니다', '세요', '입니다', '해요', '드립니다'];
/** Simplified-only characters that should not appear in a Traditional Chinese reply. */
const SIMPLIFIED_IN_TW = ['们', '这', '请', '时间', '预约', '价格'];

const CLAIMS: Record<Lang, string[]> = {
  ko: ['100% 보장', '보장합니다', '보장해 드립니다', '보장해드립니다', '절대 안전', '부작용이 전혀 없', '무조건'],
  ja: ['100%保証', '保証します', '保証いたします', '必ず効果', '絶対に安全', '副作用は一切ありません'],
  en: ['100%', 'we guarantee', 'i guarantee', 'guaranteed', 'completely safe', 'zero risk', 'no risk at all'],
  zh: ['100%', '我们保证', '保证有效', '保证不会', '一定有效', '绝对安全', '完全没有副作用'],
  'zh-TW': ['100%', '我們保證', '保證有效', '保證不會', '一定有效', '絕對安全', '完全沒有副作用'],
  vi: ['đảm bảo 100%', 'cam kết 100%', 'chắc chắn 100%', 'hoàn toàn không có tác dụng phụ', 'tuyệt đối an toàn'],
};

const NOT_OFFERED: Record<Lang, string[]> = {
  ko: ['하지 않', '않습니다', '없습니다', '제공하지', '진행하지', '시행하지', '불가'],
  ja: ['行っておりません', 'ございません', '扱っておりません', '提供しておりません', '対応しておりません', 'おこなっておりません', 'ありません'],
  en: [
    'not offer',
    "don't offer",
    'do not offer',
    "don't provide",
    'do not provide',
    'not available',
    "don't do",
    'do not do',
    'not provide',
    'not something we',
    "don't perform",
    'do not perform',
  ],
  zh: ['没有', '不提供', '暂不', '未提供', '不做', '暂时没有', '无法提供'],
  'zh-TW': ['沒有', '不提供', '未提供', '不做', '暫無', '暫時沒有', '無法提供'],
  vi: ['không có', 'chưa có', 'không cung cấp', 'không thực hiện', 'không làm'],
};

/** Every current customer price line of the demo clinic (pricing.data.ts, regular and event): none belongs
 *  in a "we do not offer that" reply. */
const ALL_PRICES = [
  '30,000',
  '50,000',
  '59,000',
  '99,000',
  '120,000',
  '129,000',
  '150,000',
  '190,000',
  '220,000',
  '250,000',
  '280,000',
  '290,000',
  '350,000',
  '390,000',
  '400,000',
  '440,000',
  '450,000',
  '790,000',
  '990,000',
  '1,190,000',
  '1,200,000',
  '1,490,000',
  '2,390,000',
  '2,690,000',
  '2,900,000',
  '30.000',
  '50.000',
  '59.000',
  '99.000',
  '129.000',
  '190.000',
  '250.000',
  '280.000',
  '390.000',
  '450.000',
  '1.190.000',
];

const PHONE = ['6952-0418', '6952 0418', '69520418'];
const EMERGENCY_NUMBER: Record<Lang, string[]> = {
  ko: ['119', '응급실', '구급차'],
  ja: ['119', '救急'],
  en: ['119', '911', '999', '112', 'emergency room', 'emergency services', 'emergency number', 'ambulance'],
  zh: ['119', '120', '急诊', '急救'],
  'zh-TW': ['119', '急診', '救護車'],
  vi: ['119', '115', 'cấp cứu', 'xe cứu thương'],
};

// ───────────────────────── number, range and date forms ─────────────────────────

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

function koMan(v: number): string[] {
  const man = Math.floor(v / 10000);
  const rest = v % 10000;
  if (man === 0) return [];
  if (rest === 0) return [`${man}만`];
  if (rest % 1000 === 0) return [`${man}만 ${rest / 1000}천`, `${man}만${rest / 1000}천`];
  return [];
}

/** Alternatives for a KRW amount as a reply may write it: 59,000 / 59.000 / 59000 (+ 5만 9천, 5.9万). */
function won(v: number, lang: Lang): string[] {
  const c = v.toLocaleString('en-US');
  const forms = [c, c.replace(/,/g, '.'), String(v), c.replace(/,/g, ' ')];
  if (lang === 'ko') forms.push(...koMan(v));
  if (lang === 'ja' || lang === 'zh' || lang === 'zh-TW') {
    const w = v / 10000;
    forms.push(`${w}万`, `${w}萬`);
  }
  return uniq(forms);
}

/** "a–b <unit>" in the separators a reply may use (2~3日, 2〜3日, 2-3 days, 2 đến 3 ngày …). */
function range(a: number, b: number, units: string[], words: string[] = []): string[] {
  const seps = ['~', '〜', '～', '-', '–', ' ~ ', ' - ', ' – ', ' to ', '到', '至', ' đến '];
  const forms: string[] = [];
  for (const u of units) for (const s of seps) forms.push(`${a}${s}${b}${u}`);
  return uniq([...forms, ...words]);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function seoulDay(now: Date, offsetDays: number): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + offsetDays * 86_400_000);
}

/** The running-event end date (seed day + 30, Seoul) in the forms a reply in `lang` may use. */
function endDate(lang: Lang, seedDate: Date): string[] {
  const e = seoulDay(seedDate, 30);
  const y = e.getUTCFullYear();
  const m = e.getUTCMonth() + 1;
  const d = e.getUTCDate();
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const forms = [`${y}-${mm}-${dd}`, `${y}.${mm}.${dd}`, `${y}/${mm}/${dd}`, `${y}. ${m}. ${d}`, `${y}.${m}.${d}`, `${y}/${m}/${d}`];
  if (lang === 'ko') forms.push(`${m}월 ${d}일`, `${m}월${d}일`, `${m}/${d}`);
  if (lang === 'ja' || lang === 'zh' || lang === 'zh-TW') forms.push(`${m}月${d}日`, `${m}月${d}号`, `${m}月${d}號`, `${m} 月 ${d} 日`, `${m}/${d}`);
  if (lang === 'en') {
    const name = MONTHS[m - 1]!;
    forms.push(`${name} ${d}`, `${d} ${name}`, `${name.slice(0, 3)} ${d}`, `${d} ${name.slice(0, 3)}`, `${m}/${d}/${y}`, `${d}/${m}/${y}`);
  }
  if (lang === 'vi') forms.push(`${d}/${m}`, `${dd}/${mm}`, `ngày ${d} tháng ${m}`, `${d} tháng ${m}`);
  return uniq(forms);
}

// ───────────────────────── sources ─────────────────────────

const src = (...slugs: string[]) => slugs.flatMap((s) => [`pricing:${s}`, `procedure:${s}`]);
const proc = (...slugs: string[]) => slugs.map((s) => `procedure:${s}`);
const LOCATION_SRC = ['clinic_info:location', 'library:병원 위치'];
const EVENT_SRC = ['library:이벤트 가격'];

// ───────────────────────── questions ─────────────────────────

function build(seedDate: Date): Raw[] {
  const W = won;
  const END = (l: Lang) => endDate(l, seedDate);

  const q = (kind: UnseenKind, lang: Lang, country: string, text: string, extra: Extra = {}): Raw => ({
    kind,
    lang,
    country,
    text,
    expectedSources: extra.expectedSources ?? [],
    ...extra,
  });
  const notOffered = (lang: Lang, country: string, text: string, history?: Raw['history']): Raw =>
    q('not_offered', lang, country, text, {
      mustContain: [NOT_OFFERED[lang]],
      mustNotContain: [...ALL_PRICES, ...INTERNAL],
      ...(history ? { history } : {}),
    });
  const emergency = (lang: Lang, country: string, text: string, history?: Raw['history']): Raw =>
    q('emergency', lang, country, text, {
      expectHandoff: ['medical_emergency'],
      expectEmergencyReply: true,
      mustContain: [PHONE, EMERGENCY_NUMBER[lang]],
      mustNotContain: [...CLAIMS[lang]],
      ...(history ? { history } : {}),
    });
  const event = (lang: Lang, country: string, text: string, slug: string, price: number): Raw =>
    q('event_validity', lang, country, text, {
      expectedSources: [...src(slug), ...EVENT_SRC],
      mustContain: [W(price, lang), END(lang)],
      mustNotContain: INTERNAL,
    });

  return [
    // ════════════════════════════ Korean ════════════════════════════
    q('follow_up', 'ko', 'KR', '3번 받으면 더 싸지나요? 패키지 있음 그건 얼마임', {
      history: [
        { from: 'customer', text: '리쥬란 얼마에요?' },
        { from: 'ai', text: '리쥬란힐러 2cc 얼굴 전체는 현재 이벤트가 280,000원입니다 (정가 350,000원).' },
      ],
      expectedSources: src('rejuran-healer'),
      mustContain: [W(990000, 'ko')],
      mustNotContain: INTERNAL,
    }),
    q('follow_up', 'ko', 'US', '그럼 그거 효과 얼마나 가요?? 그리고 저 엎드려 자는 습관 있는데 괜찮나요', {
      history: [
        { from: 'customer', text: '코필러 가격좀 알려주세여' },
        { from: 'ai', text: '코 필러 1cc는 국산(뉴라미스) 250,000원, 수입(레스틸렌) 450,000원입니다.' },
      ],
      expectedSources: src('nose-filler'),
      mustContain: [range(6, 12, ['개월', ' 개월'], ['6개월~1년', '6개월에서 12개월', '6개월에서 1년']), ['2주', '14일', '2 주']],
      mustNotContain: INTERNAL,
    }),
    q('two_prices', 'ko', 'KR', '피코토닝 1회, 슈링크 300샷, 쥬베룩 각각 얼마씩이에요?? 부가세 별도인가요', {
      expectedSources: src('pico-toning', 'shrink-universe', 'juvelook'),
      mustContain: [W(99000, 'ko'), W(129000, 'ko'), W(390000, 'ko')],
      mustNotContain: INTERNAL,
    }),
    event('ko', 'KR', '써마지 얼굴 이벤트 아직 하나여? 언제 끝나요 가격도요', 'thermage-flx', 2390000),
    q('aftercare', 'ko', 'KR', '사각턱 보톡스 방금 맞고 나왔는데 껌 씹어도 되나요? 오늘 저녁 술약속도 있음ㅠ', {
      expectedSources: proc('jaw-botox'),
      mustContain: [
        ['2주', '14일'],
        ['음주', '술'],
      ],
    }),
    q('directions', 'ko', 'US', '신논현역 몇번 출구로 나가요? 강남역에서 걸어가도 되나요', {
      expectedSources: LOCATION_SRC,
      mustContain: [['5번 출구', '5번출구', '5번'], ['11번 출구', '11번출구', '11번'], ['7분']],
      expectNoHandoff: true,
    }),
    notOffered('ko', 'KR', '인모드 리프팅 있어요? 있으면 가격두 알려주세여'),
    emergency('ko', 'KR', '필러 맞은 쪽 볼이 하얗게 질리더니 점점 보라색으로 변해요 너무 아파요ㅠㅠ 어떡해요', [
      { from: 'customer', text: '오늘 오후에 팔자필러 맞고 왔어요' },
      { from: 'ai', text: '방문해 주셔서 감사합니다. 2주 동안 시술 부위를 누르거나 마사지하지 말아 주세요.' },
    ]),

    // ════════════════════════════ Japanese ════════════════════════════
    q('follow_up', 'ja', 'JP', '効果ってどのくらい持ちますか？あと輸入のボトックスだといくら？', {
      history: [
        { from: 'customer', text: 'エラボトックスいくらですか' },
        { from: 'ai', text: 'エラボトックス（韓国製ボツラックス50単位）は初回イベント価格59,000ウォンです（通常120,000ウォン）。' },
      ],
      expectedSources: src('jaw-botox'),
      mustContain: [range(4, 6, ['か月', 'ヶ月', 'カ月', 'ヵ月', '个月'], ['4か月から6か月', '4ヶ月から6ヶ月']), W(290000, 'ja')],
      mustNotContain: INTERNAL,
    }),
    q('follow_up', 'ja', 'JP', 'じゃあシュリンクの方はいくら？300ショットで', {
      history: [
        { from: 'customer', text: 'ウルセラとシュリンクで迷ってます〜違いは？' },
        {
          from: 'ai',
          text: 'どちらもHIFUによるリフトアップです。ウルセラは効果が6か月〜1年と長めで、シュリンクユニバースは痛みと費用の負担が少なく定期的なメンテナンス向きです。',
        },
      ],
      expectedSources: src('shrink-universe'),
      mustContain: [W(129000, 'ja')],
      mustNotContain: INTERNAL,
    }),
    q('two_prices', 'ja', 'JP', 'hitai botokkusu to suikou chuusha no nedan oshiete kudasai🙏 kankoku-sei de OK desu', {
      expectedSources: src('forehead-botox', 'water-glow-injection'),
      mustContain: [W(59000, 'ja'), W(99000, 'ja')],
      mustNotContain: INTERNAL,
    }),
    event('ja', 'JP', 'ほうれい線ヒアルのキャンペーンってまだやってますか？期限いつまで？来月渡韓予定です', 'nasolabial-filler', 350000),
    q('aftercare', 'ja', 'JP', 'ジュベルック打ったあとってマッサージしていいの？ダメなの？友達は逆のこと言っててどっち😂', {
      expectedSources: proc('juvelook'),
      mustContain: [['3日'], ['マッサージ']],
    }),
    q('downtime_side_effects', 'ja', 'JP', '唇ヒアル入れたらどのくらい腫れますか？週末デートあるんですけど💦', {
      expectedSources: proc('lip-filler'),
      mustContain: [range(2, 3, ['日'], ['2、3日', '二、三日'])],
      mustNotContain: CLAIMS.ja,
    }),
    notOffered('ja', 'JP', 'ポテンツァってやってますか？ニキビ跡に効くって聞いて…'),
    emergency('ja', 'JP', '昨日エラボトックスしたんですけど、なんか飲み込みにくくて息も苦しい感じがします…大丈夫ですか？', [
      { from: 'customer', text: 'kinou eraBotox shimashita! arigatou gozaimashita' },
      { from: 'ai', text: 'ご来院ありがとうございました。2週間は硬い食べ物をお控えください。' },
    ]),

    // ════════════════════════════ English ════════════════════════════
    q('follow_up', 'en', 'US', 'ok and the eyes only version?', {
      history: [
        { from: 'customer', text: 'hey do u guys have thermage' },
        { from: 'ai', text: 'Yes — Thermage FLX full face (600 shots) is KRW 2,390,000 during our current event (regular KRW 2,900,000).' },
      ],
      expectedSources: src('thermage-flx'),
      mustContain: [W(1200000, 'en')],
      mustNotContain: INTERNAL,
    }),
    q('follow_up', 'en', 'PH', 'how long is the package valid and how often do i need to come in?', {
      history: [
        { from: 'customer', text: 'how much is pico toning' },
        { from: 'ai', text: 'Pico toning is KRW 99,000 per session, or KRW 790,000 for a 10-session package.' },
        { from: 'customer', text: 'hmm 10 sessions is a lot lol' },
      ],
      expectedSources: src('pico-toning'),
      mustContain: [
        ['12 months', '12-month', 'twelve months', '1 year', 'one year', 'a year'],
        ['14 days', '2 weeks', 'two weeks', '2-week', 'two-week', 'fortnight'],
      ],
      mustNotContain: INTERNAL,
    }),
    q('two_prices', 'en', 'SG', 'ulthera 300 + rejuran + water glow injection — price for each pls? doing all 3 on one trip', {
      expectedSources: src('ulthera', 'rejuran-healer', 'water-glow-injection'),
      mustContain: [W(1190000, 'en'), W(280000, 'en'), W(99000, 'en')],
      mustNotContain: INTERNAL,
    }),
    event('en', 'GB', 'is the skin botox sale still going?? when does it end', 'skin-botox', 190000),
    q('aftercare', 'en', 'AU', 'got pico toning this morning. can i use my scrub + go to the sauna tonight? beach trip tmrw lol', {
      expectedSources: proc('pico-toning'),
      mustContain: [
        ['3 days', 'three days', '72 hours'],
        ['SPF50', 'SPF 50', 'sunscreen', 'sunblock'],
      ],
    }),
    q('directions', 'en', 'US', 'im at gangnam stn rn, which exit + how long to walk to u? or shd i grab a taxi, what address do i show the driver', {
      expectedSources: LOCATION_SRC,
      mustContain: [
        ['Exit 11', 'exit 11', 'Exit No. 11', 'exit no. 11'],
        ['7 min', '7-min', 'seven min'],
        ['470 Gangnam-daero', 'Gangnam-daero 470', '강남대로 470', '470, Gangnam-daero'],
      ],
      expectNoHandoff: true,
    }),
    notOffered('en', 'CA', 'can u remove a small tattoo on my wrist? maybe w the pico laser?'),
    emergency('en', 'US', 'my left eye is blurry since this morning and the tip of my nose looks grey-ish purple?? is that normal', [
      { from: 'customer', text: 'Got nose filler at your clinic yesterday' },
      { from: 'ai', text: 'Thank you for visiting us! Please avoid wearing glasses and sleeping face down for 2 weeks.' },
    ]),

    // ════════════════════════════ Chinese (Simplified) ════════════════════════════
    q('follow_up', 'zh', 'CN', '那效果能维持多久啊？', {
      history: [
        { from: 'customer', text: '水光针多少钱' },
        { from: 'ai', text: '水光针2cc目前活动价99,000韩元（原价150,000韩元）。' },
      ],
      expectedSources: src('water-glow-injection'),
      mustContain: [range(1, 2, ['个月', '個月', ' 个月'], ['一到两个月', '一两个月'])],
    }),
    q('follow_up', 'zh', 'CN', '600发呢？多少钱 要不要打麻醉', {
      history: [
        { from: 'customer', text: 'chao sheng dao 300 fa duo shao qian' },
        { from: 'ai', text: '超声刀（Ulthera）300发目前活动价1,190,000韩元（原价1,490,000韩元）。' },
      ],
      expectedSources: src('ulthera'),
      mustContain: [W(2690000, 'zh'), ['免费', '不收费', '不另收费', '不另外收费']],
      mustNotContain: INTERNAL,
    }),
    q('two_prices', 'zh', 'CN', 'shou lian zhen he fa ling wen bo niao suan duo shao qian a? 第一次去', {
      expectedSources: src('jaw-botox', 'nasolabial-filler'),
      mustContain: [W(59000, 'zh'), W(350000, 'zh')],
      mustNotContain: INTERNAL,
    }),
    event('zh', 'CN', '丽珠兰活动价到几号？我月底才到首尔，还来得及吗', 'rejuran-healer', 280000),
    q('aftercare', 'zh', 'CN', '刚做完超声刀 晚上能去汗蒸吗？脸有点酸胀正常吗', {
      expectedSources: proc('ulthera'),
      mustContain: [range(1, 2, ['周', '週', '个星期'], ['一到两周', '一两周']), ['桑拿', '汗蒸']],
      mustNotContain: CLAIMS.zh,
    }),
    q('directions', 'zh', 'CN', '我从明洞过来，坐地铁到哪个站？几号出口？', {
      expectedSources: LOCATION_SRC,
      mustContain: [
        ['新论岘', '新論峴', 'Sinnonhyeon', '신논현'],
        ['5号', '5 号', '五号'],
      ],
      expectNoHandoff: true,
    }),
    notOffered('zh', 'CN', '请问可以激光点痣吗？脸上有两颗痣 xiang qu diao'),
    emergency('zh', 'CN', '刚做完唇部玻尿酸，嘴唇和喉咙都肿起来了，有点喘不过气😭😭'),

    // ════════════════════════════ Chinese (Traditional) ════════════════════════════
    q('follow_up', 'zh-TW', 'TW', '那雷射淨膚呢？有比較便宜嗎', {
      history: [
        { from: 'customer', text: '皮秒雷射一次多少' },
        { from: 'ai', text: '皮秒雷射（Pico toning）一次99,000韓元，10次套餐790,000韓元。' },
      ],
      expectedSources: src('laser-toning'),
      mustContain: [W(50000, 'zh-TW')],
      mustNotContain: INTERNAL,
    }),
    q('follow_up', 'zh-TW', 'TW', '打完多久會有效果？可以維持多久', {
      history: [
        { from: 'customer', text: '我想打額頭肉毒' },
        { from: 'ai', text: '額頭肉毒桿菌國產（Nabota）50單位目前活動價59,000韓元，進口（Allergan Botox）50單位220,000韓元。' },
      ],
      expectedSources: src('forehead-botox'),
      mustContain: [range(3, 7, ['天'], ['三到七天']), range(3, 6, ['個月', ' 個月'], ['三到六個月'])],
    }),
    q('two_prices', 'zh-TW', 'HK', '鳳凰電波全臉 跟 Shurink 600發+雙下巴 各多少？', {
      expectedSources: src('thermage-flx', 'shrink-universe'),
      mustContain: [W(2390000, 'zh-TW'), W(350000, 'zh-TW')],
      mustNotContain: INTERNAL,
    }),
    event('zh-TW', 'TW', '水光針的優惠還有嗎？到幾月幾號', 'water-glow-injection', 99000),
    q('aftercare', 'zh-TW', 'TW', '剛打完唇部玻尿酸 可以用吸管喝珍奶嗎🧋 還有什麼要注意', {
      expectedSources: proc('lip-filler'),
      mustContain: [['吸管'], ['當天', '今天', '當日']],
    }),
    q('downtime_side_effects', 'zh-TW', 'TW', '打瘦臉針之後咬東西會沒力嗎？大概多久會恢復', {
      expectedSources: proc('jaw-botox'),
      mustContain: [range(2, 4, ['週', '周', ' 週', '個禮拜', '個星期'], ['兩到四週', '二到四週'])],
      mustNotContain: CLAIMS['zh-TW'],
    }),
    notOffered('zh-TW', 'TW', '請問你們有做植髮嗎？我髮際線有點高😅'),
    emergency('zh-TW', 'MO', '前天打額頭肉毒，現在眼皮垂下來，吞東西很困難，呼吸也怪怪的'),

    // ════════════════════════════ Vietnamese ════════════════════════════
    q('follow_up', 'vi', 'VN', 'con botox gon ham thi sao a? loai nhap khau nua', {
      history: [
        { from: 'customer', text: 'gia botox tran bn vay' },
        { from: 'ai', text: 'Dạ, Botox trán loại Hàn Quốc (Nabota) 50 đơn vị đang ưu đãi 59.000 won (giá gốc 99.000 won) ạ.' },
      ],
      expectedSources: src('jaw-botox'),
      mustContain: [W(59000, 'vi'), W(290000, 'vi')],
      mustNotContain: INTERNAL,
    }),
    q('follow_up', 'vi', 'VN', 'lam xong bao lau thi het may cai not san? mai e di lam dc ko', {
      history: [
        { from: 'customer', text: 'Rejuran co dau ko chi' },
        { from: 'ai', text: 'Dạ, Rejuran hơi ê và châm chích, phòng khám bôi kem tê khoảng 40 phút trước khi tiêm ạ.' },
      ],
      expectedSources: proc('rejuran-healer'),
      mustContain: [range(1, 2, [' ngày'], ['2 ngày', 'một ngày', '1 ngày', 'một đến hai ngày'])],
      mustNotContain: CLAIMS.vi,
    }),
    q('two_prices', 'vi', 'VN', 'cho e hoi gia ulthera 600 shot va thermage vung mat 225 shot 😊', {
      expectedSources: src('ulthera', 'thermage-flx'),
      mustContain: [W(2690000, 'vi'), W(1200000, 'vi')],
      mustNotContain: INTERNAL,
    }),
    event('vi', 'VN', 'shrink 300 shot dang giam gia phai ko chi, den ngay nao thi het vay', 'shrink-universe', 129000),
    q('aftercare', 'vi', 'VN', 'e vua tiem filler mui xong, toi nay di jjimjilbang dc ko? deo kinh can dc ko a', {
      expectedSources: proc('nose-filler'),
      mustContain: [
        ['1 tuần', 'một tuần', '7 ngày'],
        ['2 tuần', 'hai tuần', '14 ngày'],
      ],
    }),
    q('downtime_side_effects', 'vi', 'VN', 'lam ulthera xong co bi sung hay dau nhuc ko? keo dai bao lau', {
      expectedSources: proc('ulthera'),
      mustContain: [range(1, 2, [' tuần'], ['một đến hai tuần', 'một hai tuần'])],
      mustNotContain: CLAIMS.vi,
    }),
    notOffered('vi', 'VN', 'phong kham co tiem Profhilo khong a? ban e bao Profhilo tot lam'),
    emergency('vi', 'VN', 'chi oi e vua tiem filler moi xong, gio mieng va co hong sung len, kho tho qua 😭'),
  ];
}

const LANG_ORDER: Lang[] = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'];

/** All cases are `dev`; ids are numbered per language in file order (u2-ja-001 …). */
export function buildUnseenDev2Questions(seedDate: Date = new Date()): UnseenQuestion[] {
  const perLang = new Map<Lang, number>();
  return build(seedDate)
    .filter((r) => LANG_ORDER.includes(r.lang))
    .map((r) => {
      const n = (perLang.get(r.lang) ?? 0) + 1;
      perLang.set(r.lang, n);
      const extraBans = r.lang === 'ko' ? [] : r.lang === 'zh-TW' ? [...KO_MIX, ...SIMPLIFIED_IN_TW] : KO_MIX;
      const mustNotContain = uniq([...(r.mustNotContain ?? []), ...extraBans]);
      return {
        ...r,
        id: `u2-${r.lang.toLowerCase()}-${String(n).padStart(3, '0')}`,
        split: 'dev' as const,
        source: 'unseen-2026-12' as const,
        ...(mustNotContain.length ? { mustNotContain } : {}),
      };
    });
}

export const UNSEEN_DEV2_QUESTIONS: UnseenQuestion[] = buildUnseenDev2Questions();
