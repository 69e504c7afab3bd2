// Concept lexicons for the local scorer's structural signals. Each concept is a small set of stems per
// language; the scorer combines them with the conversation's structure (who asked what, time gaps,
// negation) rather than reading any one phrase as a verdict.
//
// Matching (see matchConcept): text and terms are lower-cased NFKC. Latin terms match at a word start; a
// trailing `*` lets the word run on ("swell*" finds swelling; swollen is listed), otherwise the word must
// end there. CJK and Hangul terms match as substrings (Korean stems cover their endings: "부어" finds
// 부어요, 부어서). Vietnamese typed without diacritics is listed explicitly and in longer forms ("bi sung",
// "van dau"): folded single words collide ("dau" is đau pain, đâu where, đầu head).
import type { Lang } from './lexicon';

export type Concept =
  | 'threatLegal' // lawyer, suing, authorities, formal reports: a threat on its own
  | 'threatPublic' // exposing the clinic, posting online: a threat on its own
  | 'reviewVenue' // reviews, review sites, communities: a threat only with intent or a grievance
  | 'publishIntent' // "will post / have to share / 남길 / 寫在"
  | 'conditional' // "if nobody…", "unless", "않으면", "ないなら", "如果", "nếu"
  | 'symptom' // swelling, bruise, pain, redness, lump, hardness, itch, blister, burn, asymmetry
  | 'warningSign' // colour change, worsening pain, pus, fever: possible complication
  | 'persistence' // still, days later, keeps: a symptom that is there now
  | 'treatmentContext' // treatment words: the symptom is after a procedure
  | 'competitor' // another clinic, elsewhere
  | 'churnDecision' // booked there, going there, never mind
  | 'churnFinal' // "you lost a customer", "never again": churn without naming a competitor
  | 'deferral' // maybe later, let me think, また考えます, 再说吧
  | 'confusion' // I don't get the difference, 懵, không hiểu
  | 'reAskMarker' // "third time", "I asked", 何度も, 第三遍
  | 'relaxed' // no rush, take your time, 천천히, ゆっくりで
  | 'affirmative' // a committal short answer: yes, sure, 네, はい, 好的, vâng
  | 'enthusiasm' // can't wait, yay
  | 'improving' // going down, better: a symptom on its way out
  | 'apology' // the hub apologised: something went wrong
  | 'generalQuestion' // how long does it last, will it: asking about symptoms in general
  | 'anticipation'; // worried it might happen: not a symptom that is there

type ConceptLexicon = Record<Concept, Partial<Record<Lang, readonly string[]>>>;

export const CONCEPTS: ConceptLexicon = {
  threatLegal: {
    en: [
      'lawyer*',
      'attorney*',
      'sue',
      'suing',
      'lawsuit*',
      'legal action',
      'authorities',
      'ministry of health',
      'consumer agency',
      'consumer protection',
      'medical dispute',
      'malpractice',
      'file a report',
      'filing a report',
      'report you',
      'reporting you',
      'police',
    ],
    ja: ['弁護士', '訴え', '訴訟', '裁判', '通報', '保健所', '消費者センター', '消費生活センター', '医療紛争', '警察'],
    ko: ['변호사', '소송', '고소', '신고', '의료분쟁', '소비자원', '보건소', '법적', '경찰', '민원'],
    zh: ['律师', '起诉', '告你们', '举报', '消协', '卫健委', '法律', '报警', '维权', '投诉到'],
    'zh-TW': ['律師', '提告', '告你們', '檢舉', '消保官', '消基會', '衛生局', '法律', '報警', '申訴'],
    vi: ['luật sư', 'kiện', 'tố cáo', 'báo công an', 'sở y tế', 'bộ y tế', 'pháp lý', 'khiếu nại lên', 'luat su', 'kien', 'to cao', 'bao cong an', 'so y te'],
  },
  threatPublic: {
    en: ['expose you', 'go public', 'tell everyone', 'post about', 'social media', 'on instagram', 'on tiktok'],
    ja: ['晒す', '晒し', '拡散', 'ネットに書', 'SNSで', 'sns'],
    ko: ['폭로', '공론화', '퍼뜨', '인터넷에 올', '커뮤니티에 올', '다 올릴'],
    zh: ['曝光', '发到网上', '小红书', '大众点评', '微博', '抖音', '让大家知道'],
    'zh-TW': ['曝光', '爆料', 'dcard', 'ptt', '發到網上', '讓大家知道'],
    vi: [
      'bóc phốt',
      'bêu',
      'lên mạng',
      'đăng lên',
      'lên group',
      'lên facebook',
      'cho mọi người biết',
      'boc phot',
      'len mang',
      'dang len',
      'len group',
      'len facebook',
    ],
  },
  reviewVenue: {
    en: ['review*', 'yelp', 'tripadvisor', 'rating'],
    ja: ['口コミ', 'クチコミ', 'レビュー', '評価'],
    ko: ['후기', '리뷰', '별점', '강남언니', '맘카페', '바비톡', '커뮤니티'],
    zh: ['评价', '差评', '点评', '评论'],
    'zh-TW': ['評論', '評價', '負評', '差評'],
    vi: ['đánh giá', 'review', 'nhận xét', 'danh gia'],
  },
  publishIntent: {
    en: ['share my experience', 'write', 'post', 'leave', "i'll", 'i will', 'going to', 'have to', 'warn'],
    ja: ['書きます', '書く', '書か', '投稿', '載せ'],
    ko: ['남길', '남기', '쓸', '올릴', '올리', '쓰겠', '적을'],
    zh: ['写', '发', '留'],
    'zh-TW': ['寫', '發', '留'],
    vi: ['viết', 'đăng', 'để lại', 'viet', 'dang'],
  },
  conditional: {
    en: ['if', 'unless', 'otherwise', 'or else'],
    ja: ['ないなら', 'なければ', 'ないと', 'しないなら', 'ならば'],
    ko: ['없으면', '않으면', '안 하면', '안하면', '아니면', '면 '],
    zh: ['如果', '不然', '否则', '要是', '不退我就', '就'],
    'zh-TW': ['如果', '不然', '否則', '要是'],
    vi: ['nếu', 'không thì', 'kẻo', 'neu', 'khong thi'],
  },
  symptom: {
    en: [
      'swell*',
      'swollen',
      'puffy',
      'bruis*',
      'pain*',
      'hurt*',
      'sore*',
      'ache*',
      'aching',
      'redness',
      'reddish',
      'turned red',
      'lump*',
      'bump*',
      'firm lump',
      'hard lump',
      'itch*',
      'blister*',
      'burn*',
      'numb',
      'numbness',
      'tender',
      'asymmetr*',
      'uneven',
      'rash',
      'scab*',
      'stinging',
    ],
    ja: [
      '腫れ',
      '腫れて',
      'むくみ',
      '内出血',
      'あざ',
      'アザ',
      '痛',
      'いたい',
      '赤み',
      '赤く',
      'しこり',
      '硬い',
      'かたい',
      'かゆ',
      '痒',
      '水ぶくれ',
      '火傷',
      'やけど',
      'ヒリヒリ',
      'ひりひり',
      '左右差',
      'でこぼこ',
    ],
    ko: [
      '붓기',
      '부기',
      '부었',
      '부어',
      '부음',
      '멍',
      '통증',
      '아파',
      '아프',
      '아픔',
      '쓰라',
      '붉',
      '빨개',
      '빨갛',
      '홍조',
      '딱딱',
      '몽우리',
      '멍울',
      '가려',
      '간지러',
      '물집',
      '화상',
      '비대칭',
      '울퉁불퉁',
      '따가',
    ],
    zh: ['肿', '淤青', '瘀青', '青紫', '疼', '痛', '红肿', '发红', '泛红', '硬块', '肿块', '痒', '水泡', '烫伤', '灼伤', '不对称', '歪'],
    'zh-TW': ['腫', '瘀青', '淤青', '疼', '痛', '紅腫', '發紅', '泛紅', '硬塊', '腫塊', '癢', '水泡', '燙傷', '灼傷', '不對稱', '歪'],
    vi: [
      'sưng',
      'bầm',
      'đau',
      'nhức',
      'đỏ',
      'cục',
      'cứng',
      'ngứa',
      'phồng',
      'bỏng',
      'rát',
      'lệch',
      'không đều',
      'bi sung',
      'van sung',
      'con sung',
      'sung len',
      'sung qua',
      'bi bam',
      'bam tim',
      'van bam',
      'con bam',
      'dau nhuc',
      'bi dau',
      'dau qua',
      'van dau',
      'ngua',
      'bi do',
    ],
  },
  warningSign: {
    en: [
      'darker',
      'darkening',
      'purple',
      'bluish',
      'blue',
      'grey',
      'gray',
      'white patch',
      'turning white',
      'blanch*',
      'getting worse',
      'worse',
      'worsening',
      'pus',
      'fever',
      'oozing',
      'blurry',
      'vision',
      'necros*',
      'spreading',
    ],
    ja: [
      '紫',
      '青っぽ',
      '白っぽ',
      '白く',
      '黒ず',
      '黒く',
      '変色',
      '悪化',
      'ひどくなって',
      '酷くなって',
      '強くなって',
      '膿',
      '熱が',
      '発熱',
      '見えにく',
      '広がって',
    ],
    ko: ['보라', '보랏', '파랗', '퍼렇', '하얗', '하얘', '거뭇', '까맣', '검게', '변색', '더 심해', '심해지', '심해져', '고름', '열이', '시야', '번지'],
    zh: ['发紫', '变紫', '紫色', '发白', '白白', '变白', '发黑', '变黑', '发青', '越来越', '更痛', '加重', '化脓', '流脓', '发烧', '发热', '看不清', '扩散'],
    'zh-TW': [
      '發紫',
      '變紫',
      '紫色',
      '發白',
      '白白',
      '變白',
      '發黑',
      '變黑',
      '發青',
      '越來越',
      '更痛',
      '加重',
      '化膿',
      '流膿',
      '發燒',
      '發熱',
      '看不清',
      '擴散',
    ],
    vi: [
      'tím',
      'trắng bệch',
      'chuyển trắng',
      'thâm đen',
      'đen lại',
      'ngày càng',
      'càng lúc càng',
      'nặng hơn',
      'đau hơn',
      'mủ',
      'sốt',
      'mờ mắt',
      'lan ra',
      'tim tai',
      'chuyen tim',
      'ngay cang',
      'nang hon',
      'dau hon',
    ],
  },
  persistence: {
    en: ['still', 'yet', 'days', 'since', 'keeps', 'keep', 'not going down', "won't go", 'anymore', 'getting', 'now'],
    ja: ['まだ', '経って', 'たって', 'ずっと', '続いて', '日目', '残って', '治らな', '引かな'],
    ko: ['아직', '계속', '여전히', '지났는데', '지났', '째', '됐는데', '지금도', '안 빠', '안빠'],
    zh: ['还是', '还有', '已经', '一直', '天了', '仍然', '没消', '没退', '不消'],
    'zh-TW': ['還是', '還有', '已經', '一直', '天了', '仍然', '沒消', '沒退', '不消'],
    vi: ['vẫn', 'còn', 'mãi', 'ngày rồi', 'hôm rồi', 'chưa hết', 'chưa xẹp', 'không hết', 'van', 'con', 'chua het'],
  },
  treatmentContext: {
    en: ['filler', 'botox', 'laser', 'toning', 'thermage', 'ulthera', 'shrink', 'rejuran', 'peel', 'injection', 'treatment', 'procedure', 'lifting', 'thread*'],
    ja: ['ヒアルロン酸', 'ボトックス', 'レーザー', 'トーニング', 'サーマジ', 'ウルセラ', 'シュリンク', 'リジュラン', 'ピーリング', '施術', '注射', '糸リフト'],
    ko: ['필러', '보톡스', '레이저', '토닝', '써마지', '울쎄라', '슈링크', '리쥬란', '필링', '시술', '주사', '실리프팅', '맞았', '맞고', '받았', '받고'],
    zh: ['玻尿酸', '肉毒', '瘦脸针', '激光', '热玛吉', '超声刀', '丽珠兰', '水光', '打完', '做完', '打了', '做了', '注射', '项目'],
    'zh-TW': ['玻尿酸', '肉毒', '瘦臉針', '雷射', '皮秒', '音波', '麗珠蘭', '水光', '打完', '做完', '打了', '做了', '注射', '療程'],
    vi: ['filler', 'botox', 'laser', 'tiêm', 'rejuran', 'nâng cơ', 'làm xong', 'sau khi', 'liệu trình', 'trị liệu', 'tiem', 'lam xong', 'sau khi'],
  },
  competitor: {
    en: [
      'other clinic',
      'another clinic',
      'different clinic',
      'other place',
      'another place',
      'elsewhere',
      'somewhere else',
      'competitor*',
      'clinic in',
      'clinic down the street',
      'place next door',
    ],
    ja: ['他のクリニック', '他院', '別のクリニック', '他の病院', '別の病院', 'よそ', 'のクリニックだと', 'のクリニックでは', '他のところ', '別のところ'],
    ko: ['다른 병원', '다른 곳', '다른 데', '다른데', '옆 병원', '딴 병원', '다른 피부과', '딴 데', '딴데', '거기는', '거긴'],
    zh: ['别家', '别的医院', '其他医院', '其他家', '别的诊所', '其他诊所', '别的地方', '隔壁'],
    'zh-TW': ['別家', '別間', '別的診所', '其他診所', '其他家', '別的醫院', '其他醫院', '別的地方', '隔壁'],
    vi: [
      'bên kia',
      'chỗ khác',
      'nơi khác',
      'phòng khám khác',
      'bên khác',
      'spa khác',
      'thẩm mỹ viện khác',
      'bệnh viện khác',
      'ben kia',
      'cho khac',
      'noi khac',
      'phong kham khac',
      'ben khac',
    ],
  },
  churnDecision: {
    en: [
      'booked there',
      'book there',
      'booked with them',
      'booked elsewhere',
      'going there',
      'go there',
      'going with them',
      'never mind',
      'nevermind',
      'forget it',
      "i'll go",
      'cancel my',
    ],
    ja: ['そっちで', 'そちらで予約', 'そこで予約', '他で予約', 'もういいです', 'もういい', '結構です', 'やめます', 'にします'],
    ko: ['거기서 할게', '거기로 갈게', '거기서 하기로', '거기서 받을게', '거기 예약', '예약했어요', '됐어요', '됐습니다', '안 할게', '안할게'],
    zh: ['约别家', '约了别', '已经约', '去别家', '不用了', '算了', '就去那'],
    'zh-TW': ['約別間', '約別家', '已經約', '去別家', '不用了', '算了', '就去那'],
    vi: [
      'đặt bên kia',
      'qua bên kia',
      'làm bên kia',
      'thôi khỏi',
      'không cần nữa',
      'thôi vậy',
      'đặt chỗ khác',
      'dat ben kia',
      'qua ben kia',
      'thoi khoi',
      'khong can nua',
    ],
  },
  churnFinal: {
    en: ['lost a customer', 'lost me', 'never coming back', 'never come back', 'never again', 'done with you'],
    ja: ['二度と行かない', 'もう行きません', '二度と利用'],
    ko: ['다시는 안', '두 번 다시', '다신 안'],
    zh: ['再也不来', '再也不会来', '不会再来'],
    'zh-TW': ['再也不來', '再也不會來', '不會再來'],
    vi: ['không quay lại', 'không bao giờ quay lại', 'mất khách', 'khong quay lai'],
  },
  deferral: {
    en: ['maybe later', 'later', 'let me think', 'think about it', "i'll think", 'not now', 'some other time', "i'll see", "we'll see", 'not sure yet'],
    ja: ['また考え', '考えておき', '考えます', '考えてみ', '検討し', 'また今度', 'また連絡', '迷って', '悩ん'],
    ko: ['나중에', '생각해볼', '생각해 볼', '고민해', '고민 좀', '다음에', '생각 좀'],
    zh: ['再说', '以后再', '考虑', '想一下', '再想想', '再看看', '犹豫'],
    'zh-TW': ['再說', '之後再', '以後再', '考慮', '想一下', '再想想', '再看看', '猶豫'],
    vi: ['để sau', 'tính sau', 'suy nghĩ', 'để em xem', 'để mình xem', 'khi khác', 'phân vân', 'de sau', 'tinh sau', 'suy nghi', 'khi khac'],
  },
  confusion: {
    en: ['confus*', "don't understand", "don't get", 'not sure which', 'which one is better for me', 'lost'],
    ja: ['分からな', 'わからな', 'よく分から', '混乱'],
    ko: ['헷갈', '모르겠', '잘 모르', '이해가 안'],
    zh: ['懵', '不懂', '搞不清', '不明白', '看不懂', '分不清'],
    'zh-TW': ['懵', '不懂', '搞不清', '不明白', '看不懂', '分不清'],
    vi: ['không hiểu', 'chưa hiểu', 'rối', 'không rõ', 'khong hieu', 'chua hieu'],
  },
  reAskMarker: {
    en: ['i asked', 'asked again', 'third time', 'second time', 'again', 'or not', 'my question', 'not what i asked'],
    ja: ['何度も', '何回も', 'さっきも', '聞いてるのは', '聞いてるんです', '質問は', 'いえ、'],
    ko: ['냐고요', '냐고', '다시 여쭤', '다시 물어', '몇 번', '말고', '물어본 건', '질문은'],
    zh: ['第三遍', '第二遍', '第三次', '说了几遍', '问了几遍', '我问的是', '我是问', '到底'],
    'zh-TW': ['第三遍', '第二遍', '第三次', '說了幾遍', '問了幾次', '我問的是', '我是問', '到底'],
    vi: ['hỏi lại', 'hỏi mấy lần', 'lần rồi', 'lần thứ', 'rốt cuộc', 'em hỏi là', 'hoi lai', 'hoi may lan', 'lan roi', 'roi cuoc'],
  },
  relaxed: {
    en: ['no rush', 'no hurry', 'take your time', 'no worries', 'no problem'],
    ja: ['ゆっくりで', '急ぎません', '大丈夫です', 'いつでも'],
    ko: ['천천히', '급하지 않', '괜찮아요', '괜찮습니다'],
    zh: ['不着急', '不急', '慢慢来', '没关系'],
    'zh-TW': ['不著急', '不急', '慢慢來', '沒關係'],
    vi: ['từ từ', 'không sao', 'không gấp', 'cứ thong thả', 'tu tu', 'khong sao', 'khong gap'],
  },
  affirmative: {
    en: ['yes', 'yeah', 'yep', 'sure', 'of course', 'please', 'sounds good', 'morning', 'afternoon'],
    ja: ['はい', 'ええ', 'お願いします', '午前', '午後'],
    ko: ['네', '넵', '예', '좋아요', '부탁', '오전', '오후'],
    zh: ['好的', '可以', '是的', '对', '行', '上午', '下午'],
    'zh-TW': ['好的', '可以', '是的', '對', '上午', '下午'],
    vi: ['vâng', 'có ạ', 'được ạ', 'dạ được', 'đúng', 'sáng', 'chiều', 'vang', 'co a', 'duoc a'],
  },
  improving: {
    en: ['going down', 'gone down', 'better', 'subsid*', 'gone', 'fading', 'healed', 'improv*'],
    ja: ['引いて', '引きまし', 'よくなって', '良くなって', '治りまし', '消えて', 'おさまっ', '落ち着い'],
    ko: ['빠졌', '빠지고', '가라앉', '좋아졌', '좋아지', '나아졌', '괜찮아졌', '없어졌'],
    zh: ['消了', '好多了', '好了', '退了', '消退', '减轻', '改善'],
    'zh-TW': ['消了', '好多了', '好了', '退了', '消退', '減輕', '改善'],
    vi: ['đỡ', 'hết sưng', 'xẹp', 'đỡ hơn', 'khỏi', 'do hon', 'het sung', 'xep'],
  },
  apology: {
    en: ['sorry', 'apolog*'],
    ja: ['申し訳', '失礼いたしました', 'お詫び'],
    ko: ['죄송', '사과드', '불편을 드려'],
    zh: ['抱歉', '对不起', '不好意思'],
    'zh-TW': ['抱歉', '對不起', '不好意思'],
    vi: ['xin lỗi', 'xin loi', 'thành thật'],
  },
  generalQuestion: {
    en: ['how long', 'how many days', 'is it normal to', 'usually', 'normally', 'typically', 'how much downtime'],
    ja: ['どのくらい', 'どれくらい', '何日', 'いつまで', '普通は', '一般的'],
    ko: ['며칠', '얼마나', '언제까지', '보통', '일반적'],
    zh: ['多久', '几天', '多长时间', '一般', '通常'],
    'zh-TW': ['多久', '幾天', '多長時間', '一般', '通常'],
    vi: ['bao lâu', 'mấy ngày', 'thường', 'bao lau', 'may ngay'],
  },
  anticipation: {
    en: ['will i', 'will it', 'would i', 'worried that', 'afraid that', 'in case', 'might'],
    ja: ['ないか', 'ないでしょうか', 'かな', 'ますか'],
    ko: ['까 봐', '까봐', '될까', '생길까', '않을까'],
    zh: ['会不会', '怕会', '会肿', '会痛', '会有'],
    'zh-TW': ['會不會', '怕會', '會腫', '會痛', '會有'],
    vi: ['có bị', 'sợ bị', 'lo là', 'co bi', 'so bi'],
  },
  enthusiasm: {
    en: ["can't wait", 'cant wait', 'yay*', 'yaay*', 'woohoo', 'excited'],
    ja: ['楽しみ', 'やった'],
    ko: ['기대돼', '신나', '야호'],
    zh: ['好期待', '太棒', '耶'],
    'zh-TW': ['好期待', '太棒', '耶'],
    vi: ['háo hức', 'mong quá', 'yeah'],
  },
};

/** Lower case and NFKC (full-width letters and digits become ASCII). */
export const normalizeForConcepts = (s: string) => s.normalize('NFKC').toLowerCase();

/** Lower case without Latin diacritics (đ → d): for comparing texts, never for matching terms. */
export function fold(s: string): string {
  return (
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/đ/g, 'd')
      .normalize('NFD')
      // Only Latin combining marks: Hangul jamo and kana voicing marks recompose below.
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
  );
}

interface CompiledTerm {
  term: string;
  re: RegExp;
}

const isLatinTerm = (s: string) => /^[\p{Script=Latin}\p{N}\s'’\-*]+$/u.test(s);

function compile(raw: string): CompiledTerm {
  const stem = raw.endsWith('*');
  const body = normalizeForConcepts(stem ? raw.slice(0, -1) : raw).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = isLatinTerm(raw) ? new RegExp(`(?<![\\p{L}\\p{N}])${body}${stem ? '' : '(?![\\p{L}\\p{N}])'}`, 'u') : new RegExp(body, 'u');
  return { term: raw, re };
}

const COMPILED: Record<Concept, CompiledTerm[]> = Object.fromEntries(
  (Object.entries(CONCEPTS) as [Concept, Partial<Record<Lang, readonly string[]>>][]).map(([concept, byLang]) => {
    const terms = [...new Set(Object.values(byLang).flat())];
    return [concept, terms.sort((a, b) => b.length - a.length).map(compile)];
  }),
) as Record<Concept, CompiledTerm[]>;

/** Negation right before a term ("no swelling", "안 아파", "不痛", "không đau", "hết sưng"). */
const NEGATED_BEFORE =
  /(?:^|[^\p{L}])(?:no|not|without|never|isn't|wasn't|don't|doesn't|didn't|hardly|không|chưa|hết|chẳng|khong|chua|het|chang)\s+(?:\p{L}+\s+)?$|(?:안|못)\s?$|(?:不|没|沒|没有|沒有|无|無)$/u;
/** Negation right after a term ("痛くない", "붓기는 없어요", "멍 없이", "không"…"gì"). */
const NEGATED_AFTER = /^(?:\p{L}{0,2}(?:ない|なく|ありません|없|않))/u;

export interface ConceptHit {
  term: string;
  index: number;
  negated: boolean;
}

/** Hits of one concept in a text (normalizeForConcepts), each with whether a negation governs it. */
export function matchConcept(text: string, concept: Concept): ConceptHit[] {
  const out: ConceptHit[] = [];
  for (const t of COMPILED[concept]) {
    const m = t.re.exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6).replace(/^\s+/, '');
    const afterKo = text.slice(m.index + m[0].length, m.index + m[0].length + 5);
    out.push({ term: t.term, index: m.index, negated: NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after) || /^\s?[은는이가도]?\s?없/.test(afterKo) });
  }
  return out;
}

export const hasConcept = (text: string, concept: Concept, opts: { allowNegated?: boolean } = {}) =>
  matchConcept(text, concept).some((h) => opts.allowNegated || !h.negated);

export const conceptTerms = (text: string, concept: Concept) =>
  matchConcept(text, concept)
    .filter((h) => !h.negated)
    .map((h) => h.term);
