/**
 * Emergency signs after an aesthetic procedure, as concept lexicons per language rather than sentences:
 * a symptom (swelling, pain, colour change, …), optionally a body part and a severity, combined by a few
 * rules. Text is normalised first (NFKC, lower case, Latin diacritics stripped, so Vietnamese typed
 * without accents and romanized Japanese / pinyin match the same entries).
 *
 * Latin entries match on word boundaries; an entry ending in `*` matches as a prefix ("swell*").
 * CJK and Hangul entries match as substrings.
 */

export type EmergencyConcept =
  | 'breathing'
  | 'swelling'
  | 'airway_part'
  | 'face_part'
  | 'vision'
  | 'colour_change'
  | 'pain'
  | 'severe'
  | 'worsening'
  | 'hives'
  | 'dizziness'
  | 'whole_body'
  | 'pain_question'
  | 'bleeding'
  | 'necrosis_infection';

type Lexicon = Record<EmergencyConcept, readonly string[]>;

/** Entries per concept; Latin entries are written without diacritics (the text is stripped the same way). */
export const EMERGENCY_LEXICON: Lexicon = {
  breathing: [
    // ko
    '숨쉬기', '숨 쉬기', '숨이 막', '숨이 차', '숨을 못', '숨이 안', '숨 못', '숨막', '호흡곤란', '호흡 곤란', '호흡이 힘', '호흡이 어렵', '호흡하기',
    // ja (kanji, kana, romaji)
    '息苦し', 'いきぐるし', '息ができ', 'いきができ', '息がしにく', '呼吸が苦し', '呼吸がくるし', '呼吸困難', '息が詰ま',
    'ikigurushi*', 'iki ga dekinai', 'iki ga kurushi*', 'iki dekinai', 'kokyu ga kurushi*', 'kokyuu ga kurushi*', 'kokyu konnan', 'kokyuu konnan',
    // en
    'hard to breathe', 'difficult to breathe', 'trouble breathing', 'difficulty breathing', 'struggling to breathe', 'struggle to breathe',
    "can't breathe", 'cant breathe', 'cannot breathe', 'can not breathe', 'short of breath', 'shortness of breath', 'breathless',
    'hard to breath', 'cant breath', "can't breath", 'wheez*',
    // zh / zh-TW (characters and pinyin)
    '呼吸困难', '呼吸困難', '喘不上气', '喘不上氣', '喘不过气', '喘不過氣', '透不过气', '透不過氣', '上不来气', '上不來氣', '呼吸不了', '无法呼吸', '無法呼吸', '呼吸不顺', '呼吸不順',
    'huxi kunnan', 'hu xi kun nan', 'chuan bu shang qi', 'chuanbushangqi', 'chuan bu guo qi', 'chuanbuguoqi', 'tou bu guo qi',
    // vi (stripped)
    'kho tho', 'khong tho duoc', 'khong the tho', 'ngat tho', 'tho khong noi', 'tho gap', 'kho tho',
  ],
  swelling: [
    '부어', '부었', '붓고', '붓기가 심', '부풀', '腫れ', 'はれて', 'はれが', '腫れて', 'むくん', 'harete', 'hare ga', 'swell*', 'swollen', 'puff*',
    '肿', '腫', 'zhong', 'sung', 'sung phu', 'phu ne',
  ],
  airway_part: [
    '목이', '목도', '목구멍', '목안', '목 안', '혀가', '혀도', '기도가', 'のど', '喉', '舌', 'nodo', 'shita ga', 'throat', 'tongue', 'airway',
    '喉咙', '喉嚨', '嗓子', '舌头', '舌頭', 'houlong', 'hong', 'co hong', 'luoi',
  ],
  face_part: [
    '얼굴', '입술', '눈', '顔', '唇', 'くちびる', 'まぶた', 'kao', 'kuchibiru', 'face', 'lip', 'lips', 'eye', 'eyes', 'eyelid*',
    '脸', '臉', '嘴唇', '嘴巴', '眼', 'lian', 'zuichun', 'mat', 'moi',
  ],
  vision: [
    '안 보여', '안보여', '안 보이', '안보이', '잘 안 보', '잘 안보', '보이지 않', '흐릿하게 보', '흐리게 보', '뿌옇게', '뿌얘', '시야', '시력이', '앞이 안', '실명',
    '見えな', 'みえな', '見えにく', 'みえにく', '視界', 'かすんで', 'かすみ目', 'ぼやけて', '失明', 'mienai', 'mie nai', 'miene', 'me ga mie*', 'shikai ga',
    "can't see", 'cant see', 'cannot see', 'can not see', 'blurry', 'blurred', 'blurring', 'blur', 'vision', 'lost sight', 'losing sight', 'go blind', 'going blind',
    '看不清', '看不见', '看不見', '视线模糊', '視線模糊', '视力模糊', '視力模糊', '视野', '視野', '眼前模糊', '失明', '看东西模糊', '看東西模糊',
    'kan bu qing', 'kanbuqing', 'kan bu jian', 'kanbujian', 'shixian mohu', 'shili mohu', 'mohu',
    'mo mat', 'nhin mo', 'mat mo', 'khong nhin thay', 'khong nhin ro', 'nhin khong ro', 'khong thay gi', 'mat thi luc', 'mu mat',
  ],
  colour_change: [
    '하얗게', '하얘', '허옇게', '창백', '보랏빛', '보라색으로', '보라색이 됐', '퍼렇게', '퍼래', '파랗게 변', '시퍼렇', '거뭇', '검게 변', '검푸',
    '白く', 'しろく', '白っぽく', '青白', '紫色に', '紫に', 'むらさき', '青紫', '黒ずん', 'shiroku', 'shiroi', 'murasaki', 'aojiro*',
    'turned white', 'turning white', 'gone white', 'going white', 'went white', 'turned pale', 'turning pale', 'turned blue', 'turning blue', 'going blue',
    'turned purple', 'turning purple', 'going purple', 'turned grey', 'turned gray', 'turning grey', 'turning gray', 'blanch*', 'mottled', 'white patch*', 'dusky',
    '发白', '發白', '变白', '變白', '发紫', '發紫', '变紫', '變紫', '发青', '發青', '发黑', '發黑', '变黑', '變黑', '青紫',
    'fa bai', 'fabai', 'bian bai', 'fa zi', 'bian zi', 'fa qing', 'fa hei',
    'trang bech', 'tai nhot', 'tai mét', 'tai met', 'tim tai', 'chuyen tim', 'chuyen mau tim', 'chuyen trang', 'xanh tim', 'tim den', 'bam tim', 'nhot nhat',
  ],
  pain: [
    '아파', '아프', '아픈', '통증', '쑤셔', '痛', 'いたい', 'itai', 'itami', 'pain*', 'hurt*', 'ache', 'aching', '疼', 'teng',
    // vi: bare "dau" is also đâu (where), đầu (head, start), đậu (park): only its pain compounds
    'dau lam', 'dau qua', 'rat dau', 'dau du doi', 'dau nhieu', 'dau ghe', 'dau nhuc', 'nhuc nhoi', 'dau buot', 'dau kinh khung', 'dau khong chiu',
  ],
  severe: [
    '심하게', '심한', '심해', '너무', '엄청', '극심', '참을 수', '못 참', '죽을', '미치게',
    'ひどい', 'ひどく', '酷い', 'すごく', 'すごい', '激痛', '強い痛', 'とても', 'かなり', '我慢できな', 'hidoi', 'hidoku', 'sugoku', 'sugoi', 'totemo', 'gekitsuu', 'gaman dekinai',
    'severe*', 'very painful', 'so painful', 'really painful', 'very sore', 'so much pain', 'unbearable', 'excruciating', 'intense', 'extreme*', 'really bad', 'so bad', 'terrible', 'killing me', 'a lot of pain',
    '很', '非常', '剧烈', '劇烈', '厉害', '厲害', '受不了', '特别', '特別', 'hen', 'feichang', 'julie', 'lihai', 'shou bu liao',
    'dau lam', 'dau qua', 'rat dau', 'du doi', 'khong chiu noi', 'kinh khung', 'sung to', 'sung lam', 'sung vu', 'sung nhieu qua',
  ],
  worsening: [
    '점점', '계속 심해', '더 심해', 'どんどん', 'ますます', '悪化', 'getting worse', 'worse and worse', 'worsening', 'spreading',
    '越来越', '越來越', '加重', 'yuelaiyue', 'ngay cang', 'nang hon', 'tang dan',
  ],
  hives: [
    '두드러기', '발진', 'じんましん', '蕁麻疹', '発疹', 'jinmashin', 'hives', 'urticaria', 'rash', 'welts',
    '荨麻疹', '风团', '風團', '起疹子', '红疹', '紅疹', 'xunmazhen', 'qi zhenzi', 'me day', 'noi me day', 'noi man', 'phat ban',
  ],
  dizziness: [
    '어지러', '어지럽', '현기증', '쓰러질', 'めまい', '目まい', 'くらくら', 'ふらふら', 'memai', 'kurakura', 'dizzy', 'lightheaded', 'light headed', 'faint*', 'pass out',
    '头晕', '頭暈', '晕', '暈', '眩晕', '眩暈', 'touyun', 'tou yun', 'chong mat', 'hoa mat', 'ngat xiu', 'xiu',
  ],
  whole_body: ['전신', '온몸', '全身', 'ぜんしん', 'zenshin', 'all over', 'whole body', 'entire body', 'quanshen', 'khap nguoi', 'toan than'],
  // A general question ("does it hurt?", "will it swell?") is not a report of a severe symptom.
  pain_question: [
    '붓나요', '부어요?', '붓기 심한가요', '腫れますか', 'will it swell', 'does it swell', 'sung lau khong', 'co sung khong', 'sung nhieu khong', '会肿吗', '會腫嗎', '肿吗', '腫嗎',
    'dau lam khong', 'dau khong', 'co dau', 'dau nhieu khong',
    '아픈가요', '아파요?', '아프나요', '아플까요', '아픈지', '통증이 있나요', '통증은', '痛いですか', '痛みはありますか', '痛くないですか', '痛みは',
    'does it hurt', 'will it hurt', 'is it painful', 'how painful', 'hurt a lot?', 'painful?',
    '疼吗', '疼嗎', '疼不疼', '痛吗', '痛嗎', '痛不痛', 'co dau khong', 'dau khong',
  ],
  bleeding: [
    '출혈', '피가 안 멈', '피가 계속', '피가 멈추지', '血が止まら', '出血が止まら', 'bleeding', "won't stop bleeding", '流血不止', '出血不止', '血流不止', 'chay mau khong ngung', 'chay mau nhieu',
  ],
  necrosis_infection: ['괴사', '고름', '壊死', '膿', 'necrosis', 'necrotic', 'pus', '坏死', '壞死', '化脓', '化膿', 'hoai tu', 'co mu', 'mung mu'],
};

/** NFKC, lower case, Latin diacritics stripped (đ → d), whitespace collapsed. */
export function normalizeForLexicon(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ');
}

const LATIN = /^[a-z0-9' ?*-]+$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for a list of lexicon entries (same conventions as the emergency lexicon), on normalised text. */
export function compileLexicon(entries: readonly string[]): RegExp {
  const parts = entries.map((raw) => {
    const e = normalizeForLexicon(raw);
    if (!LATIN.test(e)) return escape(e);
    const prefix = e.endsWith('*');
    const body = escape(prefix ? e.slice(0, -1) : e);
    return `(?<![a-z])${body}${prefix ? '' : '(?![a-z])'}`;
  });
  return new RegExp(parts.join('|'), 'u');
}

const COMPILED = Object.fromEntries(Object.entries(EMERGENCY_LEXICON).map(([k, v]) => [k, compileLexicon(v)])) as Record<EmergencyConcept, RegExp>;

/** Emergency concepts named in a text. */
// Vietnamese without diacritics: "dau" is also đâu (where), đầu (start, head), đậu (park).
const VI_NOT_PAIN = /(?<![a-z])(bat dau|o dau|dau xe|dau tien|dau do|di dau|dau vay)(?![a-z])/g;

export function emergencyConcepts(text: string): Set<EmergencyConcept> {
  const t = normalizeForLexicon(text).replace(VI_NOT_PAIN, (m) => m.replace(/ /g, ''));
  const found = new Set<EmergencyConcept>();
  for (const [concept, re] of Object.entries(COMPILED) as [EmergencyConcept, RegExp][]) if (re.test(t)) found.add(concept);
  return found;
}

/**
 * Whether the text describes an emergency: breathing difficulty, vision loss or blurring, skin turning
 * white/blue/purple, swelling of the throat or tongue (or of the face/lips with severity or spreading),
 * severe or worsening pain, hives with dizziness or all over the body, bleeding that will not stop,
 * necrosis or pus. Returns the rule that fired, for the audit trail.
 */
export function detectEmergency(text: string): string | undefined {
  const c = emergencyConcepts(text);
  const has = (k: EmergencyConcept) => c.has(k);
  if (has('breathing')) return 'breathing';
  if (has('vision')) return 'vision';
  if (has('colour_change')) return 'colour_change';
  if (has('swelling') && has('airway_part')) return 'airway_swelling';
  if (has('swelling') && has('face_part') && (has('severe') || has('worsening')) && !has('pain_question')) return 'severe_swelling';
  if (has('hives') && (has('dizziness') || has('whole_body') || has('swelling'))) return 'anaphylaxis';
  if (has('pain') && (has('severe') || has('worsening')) && !has('pain_question')) return 'severe_pain';
  if (has('bleeding')) return 'bleeding';
  if (has('necrosis_infection')) return 'necrosis_infection';
  return undefined;
}
