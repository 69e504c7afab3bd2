// Word lists per language for the local scorer. Every list is matched against every message (customers
// mix languages and detection is unreliable on short texts); longer phrases win over the words inside
// them ("not good" before "good", "안 좋" before "좋"). Latin entries match on word boundaries,
// CJK entries as substrings. Vietnamese keeps a few diacritic-free spellings, common on phones.

export const LANGS = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'] as const;
export type Lang = (typeof LANGS)[number];

export type LexiconCategory =
  | 'anger'
  | 'complaint'
  | 'negative'
  | 'reAsk'
  | 'impatience'
  | 'presenceCheck'
  | 'refundDemand'
  | 'intensifier'
  | 'churn'
  | 'humanRequest'
  | 'positive'
  | 'gratitude'
  | 'priceObjection'
  | 'bookingIntent';

export const LEXICON: Record<LexiconCategory, Record<Lang, readonly string[]>> = {
  anger: {
    en: [
      'furious',
      'angry',
      'pissed',
      'ridiculous',
      'unacceptable',
      'outrageous',
      'scam',
      'rip-off',
      'ripoff',
      'wtf',
      'are you kidding',
      'kidding me',
      'fed up',
      'sick of',
      'joke',
    ],
    ja: ['ふざけ', '怒', 'ムカつ', 'むかつ', 'いい加減', '詐欺', '許せな', '頭にく', '腹が立', '腹立'],
    ko: ['화나', '화가 나', '짜증', '열받', '장난하', '장난해', '장난치', '사기', '어이없', '어이가 없', '미치겠', '뭐하는'],
    zh: ['生气', '气死', '骗子', '骗人', '太过分', '离谱', '搞什么', '什么鬼', '受不了', '岂有此理'],
    'zh-TW': ['生氣', '氣死', '騙子', '騙人', '太過分', '離譜', '搞什麼', '受不了', '豈有此理'],
    vi: ['tức giận', 'bực mình', 'bực quá', 'lừa đảo', 'vô lý', 'quá đáng', 'lua dao', 'buc minh'],
  },
  complaint: {
    en: [
      'worst',
      'terrible',
      'awful',
      'horrible',
      'disappointed',
      'disappointing',
      'complaint',
      'complain',
      'useless',
      'unprofessional',
      'rude',
      'never again',
      'waste of',
    ],
    ja: ['最悪', 'ひどい', '酷い', 'がっかり', '失望', '不満', 'クレーム', '二度と', '最低', '話にならな', '信じられな'],
    ko: ['최악', '실망', '불만', '형편없', '엉망', '다시는', '컴플레인', '항의', '불친절'],
    zh: ['最差', '太差', '很差', '失望', '不满意', '投诉', '不满', '垃圾', '再也不', '差劲'],
    'zh-TW': ['最差', '太差', '很差', '失望', '不滿意', '投訴', '客訴', '不滿', '再也不', '差勁'],
    vi: ['tệ', 'thất vọng', 'khiếu nại', 'tồi', 'không bao giờ quay lại', 'te qua', 'that vong'],
  },
  negative: {
    en: [
      'bad',
      'not good',
      'not happy',
      'unhappy',
      'confused',
      'confusing',
      'worried',
      'concerned',
      'inconvenient',
      'annoying',
      'annoyed',
      'frustrated',
      'frustrating',
    ],
    ja: ['残念', '困り', '困る', '困って', '不安', '心配', '分かりにく', 'わかりにく', '良くない', 'よくない', '不便', '納得でき'],
    ko: ['별로', '불편', '걱정', '아쉽', '안 좋', '이해가 안', '모르겠', '그게 아니라', '아니 그러니까'],
    zh: ['不好', '不太好', '不开心', '担心', '不方便', '麻烦', '看不懂', '不明白'],
    'zh-TW': ['不好', '擔心', '不開心', '不方便', '麻煩', '看不懂', '不明白'],
    vi: ['không tốt', 'không thích', 'không vui', 'không hài lòng', 'lo lắng', 'hơi lo', 'lo quá', 'bất tiện', 'khó hiểu', 'không hiểu'],
  },
  // The customer says outright that the question was not answered.
  reAsk: {
    en: ['not what i asked', 'i asked', 'i already asked', 'asked again', "didn't answer", "doesn't answer", 'answer my question'],
    ja: ['聞いてる', '聞いているの', '質問したのは', '答えになって', 'さっきから'],
    ko: ['냐고요', '냐고', '물어봤는데', '물어보는 거', '물어본 건', '질문에 답'],
    zh: ['我问的是', '我已经问', '问了好几', '不是问', '回答我的问题'],
    'zh-TW': ['我問的是', '我已經問', '問了好幾', '不是問', '回答我的問題'],
    vi: ['hỏi là', 'đã hỏi', 'hỏi rồi', 'hỏi lại', 'hỏi mấy lần'],
  },
  impatience: {
    en: ['still waiting', 'any update', 'no reply', 'no response', 'no answer', 'taking so long', 'ignored', 'ignoring', 'been waiting', 'nobody', 'no one'],
    ja: ['まだですか', 'まだでしょうか', '返事がない', '返信がない', '返事をください', '返信ください', '返事ください', '無視', '待ってる', '待たされ', '誰も'],
    ko: ['아직도', '아직 답', '답장이 없', '답이 없', '연락이 없', '연락 없', '무시', '확인하셨나요', '기다리고 있', '기다렸', '아무도'],
    zh: ['还在等', '还没有人', '还没回', '怎么还没', '没人回', '没有人回', '等了', '不理'],
    'zh-TW': ['還在等', '還沒有人', '還沒回', '怎麼還沒', '沒人回', '沒有人回', '等了', '不理'],
    vi: ['vẫn chưa', 'sao chưa', 'chưa ai', 'chưa trả lời', 'không ai', 'đợi lâu', 'chờ lâu', 'lâu quá', 'vẫn đợi', 'còn đợi'],
  },
  // "Hello? / anyone there? / how long": an opener or a plain question, impatience when the customer is already waiting.
  presenceCheck: {
    en: ['hello?', 'anyone there', 'anybody there', 'are you there', 'how long'],
    ja: ['誰かいますか', 'いますか？', 'いつまで'],
    ko: ['계세요', '거기 누구', '언제까지'],
    zh: ['有人吗', '在吗'],
    'zh-TW': ['有人嗎', '有沒有人', '在嗎'],
    vi: ['có ai không', 'ai không'],
  },
  refundDemand: {
    en: ['refund', 'money back', 'chargeback'],
    ja: ['返金', 'お金を返'],
    ko: ['환불', '돈 돌려'],
    zh: ['退款', '退钱', '还钱'],
    'zh-TW': ['退款', '退錢', '還錢'],
    vi: ['hoàn tiền', 'trả lại tiền', 'hoan tien', 'tra lai tien'],
  },
  intensifier: {
    en: ['very', 'so', 'really', 'extremely', 'totally', 'absolutely'],
    ja: ['本当に', 'ほんとに', 'めちゃくちゃ', 'すごく', '全然', 'マジで'],
    ko: ['진짜', '정말', '너무', '완전', '엄청'],
    zh: ['真的', '非常', '太', '特别', '超级'],
    'zh-TW': ['真的', '非常', '太', '特別', '超級'],
    vi: ['quá', 'rất', 'thật sự', 'qua'],
  },
  churn: {
    en: ['other clinic', 'another clinic', 'somewhere else', 'cancel', 'never come back', 'go elsewhere'],
    ja: ['他のクリニック', '他の病院', '別のクリニック', 'キャンセル', 'もう行きません'],
    ko: ['다른 병원', '다른 곳', '다른 데', '취소'],
    zh: ['别的医院', '其他医院', '别家', '取消'],
    'zh-TW': ['別的醫院', '其他醫院', '別家', '取消'],
    vi: ['phòng khám khác', 'bệnh viện khác', 'chỗ khác', 'hủy', 'huỷ'],
  },
  humanRequest: {
    en: ['real person', 'human', 'speak to someone', 'talk to someone', 'manager'],
    ja: ['人間', 'スタッフの方と', 'スタッフと話', '担当者と', '責任者'],
    ko: ['상담원', '사람이랑', '사람하고', '직원분', '실장님', '책임자'],
    zh: ['人工', '真人', '负责人', '经理'],
    'zh-TW': ['真人', '專人', '負責人', '經理'],
    vi: ['người thật', 'quản lý', 'gặp nhân viên'],
  },
  positive: {
    en: [
      'great',
      'good',
      'nice',
      'perfect',
      'awesome',
      'amazing',
      'excellent',
      'wonderful',
      'love',
      'happy',
      'glad',
      'looking forward',
      'helpful',
      'cool',
      'sounds good',
      'good review',
      "can't wait",
      'cant wait',
    ],
    ja: ['良い', 'いいですね', '嬉しい', 'うれしい', '楽しみ', '助かり', '素晴らしい', '最高', '満足', '安心', '丁寧', '親切'],
    ko: ['좋아요', '좋네요', '좋습니다', '좋아', '좋은', '기대', '만족', '친절', '최고', '다행', '안심'],
    zh: ['太好了', '很好', '不错', '满意', '期待', '开心', '棒', '完美', '放心'],
    'zh-TW': ['太好了', '很好', '不錯', '滿意', '期待', '開心', '棒', '完美', '放心', '貼心'],
    vi: ['tốt', 'tuyệt', 'hài lòng', 'thích', 'vui', 'tot qua', 'tuyet voi'],
  },
  gratitude: {
    en: ['thank', 'thanks', 'thank you', 'thx', 'appreciate', 'appreciated'],
    ja: ['ありがとう', '感謝', '助かりました', 'お世話にな'],
    ko: ['감사', '고마', '고맙'],
    zh: ['谢谢', '感谢', '多谢'],
    'zh-TW': ['謝謝', '感謝', '多謝'],
    vi: ['cảm ơn', 'cám ơn', 'cam on'],
  },
  priceObjection: {
    en: ['too expensive', 'expensive', 'pricey', 'overpriced', 'too much', 'cheaper', 'more than i expected', "can't afford", 'over budget', 'discount'],
    ja: ['高い', '高すぎ', 'お高い', '安く', '割引', '予算'],
    ko: ['비싸', '비쌉', '비싼', '부담', '할인', '깎아', '저렴한'],
    zh: ['太贵', '好贵', '很贵', '有点贵', '贵了', '便宜', '打折', '优惠', '预算'],
    'zh-TW': ['太貴', '好貴', '很貴', '有點貴', '貴了', '便宜', '打折', '優惠', '預算'],
    vi: ['đắt', 'mắc quá', 'giảm giá', 'rẻ hơn', 'dat qua', 'mac qua'],
  },
  bookingIntent: {
    en: ['book', 'booking', 'reserve', 'appointment', 'schedule', 'see you'],
    ja: ['予約', '伺います'],
    ko: ['예약', '방문할게', '갈게요'],
    zh: ['预约', '预定'],
    'zh-TW': ['預約', '預定'],
    vi: ['đặt lịch', 'đặt hẹn', 'dat lich'],
  },
};

export const NEGATIVE_EMOJI = ['😡', '😠', '🤬', '👎', '😤', '😞', '😢', '😭', '💢', '🙄', '😒', '😩', '😫', '😣', '😖', '☹', '🙁', '😕', '😔'];
export const POSITIVE_EMOJI = ['😊', '🙏', '😍', '👍', '❤', '🥰', '😄', '😁', '☺', '🤗', '✨', '💕', '😀', '😃', '🥳', '👌', '💖', '🎉', '😆', '🥹'];
/** Text emoticons: Korean ㅠㅠ/ㅡㅡ, Japanese 笑/www, Chinese 哈哈, ASCII. */
export const NEGATIVE_EMOTICONS = ['ㅠㅠ', 'ㅜㅜ', 'ㅡㅡ', 'T_T', 'T.T', '-_-', ':('];
export const POSITIVE_EMOTICONS = ['ㅋㅋ', 'ㅎㅎ', '^^', '^_^', '（笑）', '(笑)', 'www', '哈哈', 'haha', 'lol', ':)'];

/** Politeness markers whose disappearance (after the customer used them) is a signal. */
export const POLITE_MARKERS: Partial<Record<Lang, RegExp>> = {
  ja: /(です|ます|ました|ません|でしょう|ください|下さい|ございま|いただ|頂)/,
  ko: /(요|니다|니까|세요|십시오)(?=$|[\s.,!?~…ㅠㅜㅎㅋ^]|[\p{Extended_Pictographic}])/u,
  vi: /(^|[\s,.!?])(ạ|dạ|vâng)(?=$|[\s,.!?])/iu,
};

/** Sentence-final question forms when the customer leaves out the question mark. */
export const QUESTION_FORMS =
  /([?？]|[か][\s。]*$|(나요|까요|가요|냐|니|죠)[\s.]*$|[吗嗎呢][\s。]*$|(không|chưa|bao nhiêu|sao)(\s*ạ)?[\s.]*$|^(what|how|when|where|why|which|who|can|could|do|does|is|are|will)\b)/iu;

/** Requests that expect an answer as much as a question does. */
export const REQUEST_FORMS =
  /(\b(please|i need|i want|i'd like|could you|can you)\b|ください|下さい|お願い|たいです|주세요|싶어요|싶습니다|문의|부탁|请|請|麻烦|麻煩|我想|cho (em|mình|tôi)|giúp|muốn)/iu;
