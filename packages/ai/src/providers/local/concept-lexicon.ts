/**
 * Surface forms of the clinic domain's core concepts in ko/ja/en/zh/zh-TW/vi.
 * The lexical embedder adds one shared feature per concept found, so "ボトックスはいくら" and
 * "보톡스 가격" meet although they share no characters. Latin forms match on word boundaries,
 * CJK forms as substrings. Vietnamese is listed with and without diacritics (both are typed).
 */
export const CONCEPT_LEXICON: Readonly<Record<string, readonly string[]>> = {
  botox: ['보톡스', '보톡', '보툴리눔', 'ボトックス', 'botox', 'botulinum', '肉毒', '瘦脸针', '瘦臉針', 'botokkusu', 'botokusu', 'roudusu', 'rou du su', 'roudu', 'shoulianzhen'],
  filler: ['필러', 'フィラー', 'filler', 'fillers', '填充', '玻尿酸', 'ヒアルロン酸', '히알루론산', 'hyaluronic', 'firaa', 'fira', 'boniaosuan', 'bo niao suan'],
  price: [
    '가격', '얼마', '비용', '금액', '요금', 'いくら', '料金', '値段', '価格', '費用', '円', 'price', 'prices', 'cost', 'costs',
    'how much', 'fee', '多少钱', '多少錢', '价格', '價格', '价钱', '價錢', '费用', 'giá', 'gia', 'bao nhiêu', 'bao nhieu', 'chi phí', 'chi phi',
    'ikura', 'nedan', 'ryoukin', 'ryokin', 'duoshao qian', 'duoshaoqian', 'jiage',
  ],
  downtime: [
    '다운타임', '회복', '붓기', '부기', 'ダウンタイム', '腫れ', '回復', 'downtime', 'recovery', 'swelling', 'swollen',
    '恢复期', '恢復期', '休息几天', '休息幾天', '消肿', '消腫', 'hồi phục', 'hoi phuc', 'sưng', 'sung',
  ],
  side_effects: ['부작용', '副作用', 'side effect', 'side effects', 'risks', 'tác dụng phụ', 'tac dung phu', 'biến chứng'],
  booking: [
    '예약', '予約', 'book', 'booking', 'appointment', 'reservation', 'reserve', '预约', '預約', '预定', 'đặt lịch', 'dat lich', 'lịch hẹn', 'đặt hẹn',
  ],
  pain: ['통증', '아파', '아프', '아픈', '痛い', '痛み', 'pain', 'painful', 'hurt', 'hurts', '痛', '疼', 'đau', 'dau'],
  anesthesia: ['마취', '麻酔', 'anesthesia', 'anaesthetic', 'numbing', '麻醉', '麻藥', 'gây tê', 'gay te'],
  laser: ['레이저', 'レーザー', 'laser', '激光', '雷射', '镭射', 'toning', '토닝', 'トーニング'],
  rejuran: ['리쥬란', 'リジュラン', 'rejuran', '丽珠兰', '麗珠蘭', '婴儿针', '嬰兒針', 'rijuran', 'lizhulan'],
  lifting: ['울쎄라', '슈링크', '리프팅', 'ウルセラ', 'シュリンク', 'リフトアップ', 'ulthera', 'ultherapy', 'shrink', 'lifting', '超声刀', '超聲刀', '提升', 'nâng cơ', 'chaoshengdao', 'chao sheng dao', 'chaoshengpao', 'urusera', 'shurinku'],
  skin_booster: ['물광', '스킨부스터', '水光', 'スキンブースター', 'skin booster', 'skinbooster', 'shuiguang', 'suikou'],
  location: ['위치', '주소', '오시는', '場所', '住所', 'どこ', 'location', 'address', 'where', '地址', '在哪', '位置', 'địa chỉ', 'dia chi', 'ở đâu', 'o dau'],
  hours: ['영업시간', '진료시간', '営業時間', '診療時間', 'opening hours', 'open', '营业时间', '營業時間', 'giờ mở cửa', 'gio mo cua'],
  payment: ['카드', '결제', '현금', 'カード', '支払', 'card', 'pay', 'payment', 'cash', '刷卡', '支付', '付款', 'thanh toán', 'thanh toan'],
  interpreter: ['통역', '通訳', '日本語', 'interpreter', 'english', '翻译', '翻譯', '中文', 'phiên dịch', 'phien dich', 'tiếng việt'],
};
