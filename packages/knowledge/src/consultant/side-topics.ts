import { compileLexicon, normalizeForLexicon } from '@hub/ai';

/**
 * Questions that no procedure's facts or clinic setting answer, but a staff-written library answer does:
 * flying home after a treatment, getting here from the airport, the booking deposit, tax refunds, the
 * passport, interpreters, the consultation fee. When the customer's message and a library row's Korean
 * question share one, that row answers, even when the message also names a procedure ("can I fly back
 * the day after nose filler?" is about flying, not about nose filler's price).
 */
export type SideTopic = 'flight' | 'airport' | 'deposit' | 'tax_refund' | 'passport' | 'interpreter' | 'consultation_fee';

const WORDS: Record<SideTopic, readonly string[]> = {
  flight: [
    '비행기',
    '귀국',
    '출국',
    '飛行機',
    '帰国',
    'フライト',
    '搭乗',
    'fly',
    'flying',
    'flight',
    'plane',
    '飞机',
    '飛機',
    '回国',
    '回國',
    '坐飞机',
    '搭飛機',
    'máy bay',
    'bay về',
    'về nước',
  ],
  airport: ['공항', '空港', 'airport', '机场', '機場', 'sân bay'],
  deposit: ['예약금', '선금', '予約金', 'デポジット', '前金', 'deposit', '订金', '定金', '訂金', '押金', 'đặt cọc', 'tiền cọc'],
  tax_refund: [
    '택스리펀',
    '택스 리펀',
    '부가세 환급',
    '환급',
    'タックスリファンド',
    '免税',
    '還付',
    'tax refund',
    'tax free',
    'vat refund',
    '退税',
    '退稅',
    'hoàn thuế',
  ],
  passport: ['여권', 'パスポート', 'passport', '护照', '護照', 'hộ chiếu'],
  interpreter: ['통역', '通訳', 'interpreter', 'translator', '翻译', '翻譯', 'phiên dịch'],
  consultation_fee: ['상담비', '상담 비용', '상담료', '相談料', 'カウンセリング料', 'consultation fee', 'consult fee', '咨询费', '諮詢費', 'phí tư vấn'],
};

const MATCHERS = Object.entries(WORDS).map(([topic, words]) => ({ topic: topic as SideTopic, re: compileLexicon(words) }));

export function sideTopicsIn(text: string): SideTopic[] {
  const t = normalizeForLexicon(text);
  return MATCHERS.filter(({ re }) => re.test(t)).map(({ topic }) => topic);
}
