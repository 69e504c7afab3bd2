import { describe, expect, it } from 'vitest';
import { detectIntents } from './intent.rules';
import { summarizeByRules } from './local.summarizer';

// One row per intent and language: the text, and the intent it must yield (others may come with it).
const CASES: [string, string, string][] = [
  // Korean
  ['ko', '이마 보톡스 가격이 얼마예요?', 'price'],
  ['ko', '다음 주 화요일에 예약하고 싶어요', 'booking'],
  ['ko', '울쎄라 효과는 얼마나 지속되나요?', 'procedure_info'],
  ['ko', '시술 후에 세안은 언제부터 해도 되나요?', 'aftercare'],
  ['ko', '필러 맞은 부위에 멍이 들었어요', 'side_effect'],
  ['ko', '너무 실망했어요. 환불해 주세요', 'complaint'],
  ['ko', '필러 맞고 숨을 못 쉬겠어요', 'emergency'],
  ['ko', '상담원 연결해 주세요', 'human_request'],
  ['ko', '토요일 몇 시까지 하세요? 주차 되나요?', 'hours_location'],
  ['ko', '카드 결제 되나요? 예약금은요?', 'payment_refund'],
  // Japanese
  ['ja', 'ボトックスの料金はいくらですか？', 'price'],
  ['ja', '来週の土曜日に予約したいです', 'booking'],
  ['ja', 'ダウンタイムはどのくらいですか', 'procedure_info'],
  ['ja', '施術後、メイクはいつからできますか', 'aftercare'],
  ['ja', '昨日打ったところがまだ腫れています', 'side_effect'],
  ['ja', '対応が最悪です。苦情を言いたい', 'complaint'],
  ['ja', '息ができない、顔がすごく腫れてきた', 'emergency'],
  ['ja', '担当者と直接話したいです', 'human_request'],
  ['ja', '住所と営業時間を教えてください', 'hours_location'],
  ['ja', '返金はできますか？カードで払いました', 'payment_refund'],
  // English
  ['en', 'How much is Ulthera 300 shots?', 'price'],
  ['en', 'Can I book an appointment for Friday?', 'booking'],
  ['en', 'How long does the filler last and is there downtime?', 'procedure_info'],
  ['en', 'Can I drink alcohol after the treatment?', 'aftercare'],
  ['en', 'My cheek is still swollen and bruised', 'side_effect'],
  ['en', 'This is unacceptable, I want to complain', 'complaint'],
  ['en', "I can't breathe after the filler", 'emergency'],
  ['en', 'Can I talk to a real person?', 'human_request'],
  ['en', 'What are your opening hours and is there parking?', 'hours_location'],
  ['en', 'I was charged twice, I need a refund', 'payment_refund'],
  // Simplified Chinese
  ['zh', '热玛吉多少钱？', 'price'],
  ['zh', '我想预约明天下午', 'booking'],
  ['zh', '效果能维持多久？疼不疼？', 'procedure_info'],
  ['zh', '术后可以洗脸和化妆吗？', 'aftercare'],
  ['zh', '打完以后还是有点肿，还有淤青', 'side_effect'],
  ['zh', '太差了，我要投诉', 'complaint'],
  ['zh', '打完玻尿酸呼吸困难', 'emergency'],
  ['zh', '我要找人工客服', 'human_request'],
  ['zh', '你们的地址在哪？营业时间是几点？', 'hours_location'],
  ['zh', '可以用支付宝付款吗？', 'payment_refund'],
  // Traditional Chinese (Taiwan)
  ['zh-TW', '皮秒雷射價格多少錢？', 'price'],
  ['zh-TW', '我想預約下週六', 'booking'],
  ['zh-TW', '音波拉提效果可以維持多久？', 'procedure_info'],
  ['zh-TW', '術後可以運動嗎？要注意什麼？', 'aftercare'],
  ['zh-TW', '打完之後臉有點紅腫', 'side_effect'],
  ['zh-TW', '我很失望，我要投訴', 'complaint'],
  ['zh-TW', '打完之後呼吸困難', 'emergency'],
  ['zh-TW', '請幫我轉真人客服', 'human_request'],
  ['zh-TW', '診所在哪裡？怎麼走？有停車位嗎？', 'hours_location'],
  ['zh-TW', '可以刷卡嗎？訂金要多少？', 'payment_refund'],
  // Vietnamese (with and without diacritics)
  ['vi', 'Tiêm botox giá bao nhiêu tiền?', 'price'],
  ['vi', 'Em muon dat lich vao thu bay', 'booking'],
  ['vi', 'Hiệu quả duy trì bao lâu?', 'procedure_info'],
  ['vi', 'Sau khi tiêm có cần kiêng gì không?', 'aftercare'],
  ['vi', 'Chỗ tiêm vẫn còn sưng và bầm tím', 'side_effect'],
  ['vi', 'Tôi muốn khiếu nại, dịch vụ quá tệ', 'complaint'],
  ['vi', 'Toi bi kho tho sau khi tiem filler', 'emergency'],
  ['vi', 'Cho tôi gặp nhân viên tư vấn', 'human_request'],
  ['vi', 'Phòng khám ở đâu? Có chỗ đỗ xe không?', 'hours_location'],
  ['vi', 'Tôi có thể thanh toán bằng thẻ không?', 'payment_refund'],
];

describe('rule-based intents in six languages', () => {
  it.each(CASES)('%s: %s → %s', (_lang, text, intent) => {
    expect(detectIntents(text)).toContain(intent);
  });

  it('finds several intents in one message and keeps the vocabulary order', () => {
    expect(detectIntents('Ulthera price? And can I book for Saturday?')).toEqual(expect.arrayContaining(['price', 'booking']));
    expect(detectIntents('필러 맞고 숨을 못 쉬겠어요, 너무 부었어요')[0]).toBe('emergency');
  });

  it("says 'other' when nothing is recognised, and only then", () => {
    expect(detectIntents('안녕하세요 :)')).toEqual(['other']);
    expect(detectIntents('Thanks!')).toEqual(['other']);
    expect(detectIntents('ありがとうございます')).toEqual(['other']);
    expect(detectIntents('谢谢', '감사합니다')).toEqual(['other']);
    expect(detectIntents('Cảm ơn bạn')).toEqual(['other']);
    expect(detectIntents('보톡스 가격')).not.toContain('other');
  });

  it('reads the Korean rendering too', () => {
    expect(detectIntents('Xin chào', '가격이 얼마예요?')).toContain('price');
  });
});

describe('local summary (Korean, for staff)', () => {
  it('names the intents, the procedures and the latest request, in Korean', () => {
    const s = summarizeByRules({
      customerLanguage: 'ja',
      messages: [
        { role: 'customer', text: 'ボトックスの料金はいくらですか？', korean: '보톡스 요금은 얼마예요?' },
        { role: 'assistant', text: '額ボトックスは59,000ウォンです。' },
        { role: 'customer', text: '来週の土曜日に予約したいです', korean: '다음 주 토요일에 예약하고 싶어요' },
      ],
      handoffReason: 'booking_request',
    });
    expect(s.intents).toEqual(expect.arrayContaining(['price', 'booking']));
    expect(s.summary).toContain('일본어 고객 문의: 가격');
    expect(s.summary).toContain('예약');
    expect(s.summary).toContain('보톡스');
    expect(s.summary).toContain('"다음 주 토요일에 예약하고 싶어요"');
    expect(s.summary).toContain('직원 연결 대기 중');
    expect(s.summary).not.toMatch(/[\u3040-\u30ff]/u);
  });
});
