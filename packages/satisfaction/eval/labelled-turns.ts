import type { Level } from '../src/satisfaction.scorer';

/**
 * Customer turns labelled with the level a clinic supervisor would give the conversation right after
 * the turn. Labelled before the scorer was written and not changed to suit it.
 *
 * Labelling guide:
 *  green  – content or neutral: ordinary questions, thanks, booking.
 *  yellow – needs a look: price hesitation, mild worry or confusion, a first nudge after a short wait.
 *  orange – clearly dissatisfied but still engaged: a re-asked question, annoyed at waiting, complaint.
 *  red    – angry, shouting, demanding a refund, threatening to leave or complain, long ignored.
 *
 * Times are minutes from the start of the snippet; `waitingForHuman` means the AI has handed the
 * conversation to staff and no staff member has written since. A customer message is answered by the
 * next hub message after it.
 */
export interface LabelledTurn {
  id: string;
  language: 'ko' | 'ja' | 'en' | 'zh' | 'zh-TW' | 'vi';
  history: Array<{ from: 'customer' | 'ai' | 'staff'; text: string; at: number }>;
  turn: { text: string; at: number };
  waitingForHuman?: boolean;
  label: Level;
}

export const LABELLED_TURNS: LabelledTurn[] = [
  // ───────── ko ─────────
  {
    id: 'ko-booking-thanks',
    language: 'ko',
    history: [
      { from: 'customer', text: '안녕하세요, 이마 보톡스 가격 알 수 있을까요?', at: 0 },
      { from: 'ai', text: '안녕하세요! 이마 보톡스는 10만원입니다. 원하시는 날짜가 있으신가요?', at: 0.5 },
    ],
    turn: { text: '감사합니다! 그럼 토요일 오후에 예약 가능할까요?', at: 2 },
    label: 'green',
  },
  {
    id: 'ko-plain-question',
    language: 'ko',
    history: [],
    turn: { text: '리쥬란 힐러 시술 시간이 얼마나 걸리나요?', at: 0 },
    label: 'green',
  },
  {
    id: 'ko-price-hesitation',
    language: 'ko',
    history: [
      { from: 'customer', text: '울쎄라 300샷 가격이 어떻게 되나요?', at: 0 },
      { from: 'ai', text: '울쎄라 300샷은 150만원입니다.', at: 0.5 },
    ],
    turn: { text: '생각보다 좀 비싸네요... 할인 같은 건 없나요?', at: 3 },
    label: 'yellow',
  },
  {
    id: 'ko-first-nudge',
    language: 'ko',
    history: [{ from: 'customer', text: '필러 맞은 부위가 조금 딱딱한데 괜찮은 건지 문의드려요', at: 0 }],
    turn: { text: '혹시 확인하셨나요?', at: 6 },
    label: 'yellow',
  },
  {
    id: 'ko-reasked',
    language: 'ko',
    history: [
      { from: 'customer', text: '코 수술 후 붓기는 며칠 정도 가나요?', at: 0 },
      { from: 'ai', text: '자세한 내용은 상담 시 안내드리겠습니다.', at: 1 },
    ],
    turn: { text: '아니 그러니까 붓기가 며칠 가냐고요', at: 3 },
    label: 'orange',
  },
  {
    id: 'ko-handoff-refund',
    language: 'ko',
    history: [
      { from: 'customer', text: '어제 레이저 받았는데 얼굴이 다 빨갛게 올라왔어요', at: 0 },
      { from: 'ai', text: '불편을 드려 죄송합니다. 담당자에게 바로 전달하겠습니다.', at: 1 },
    ],
    waitingForHuman: true,
    turn: { text: '아직도 연락이 없네요. 진짜 최악이에요. 환불해 주세요', at: 45 },
    label: 'red',
  },
  {
    id: 'ko-banmal-ignored',
    language: 'ko',
    history: [
      { from: 'customer', text: '안녕하세요 상담 받고 싶어요', at: 0 },
      { from: 'ai', text: '네, 어떤 시술이 궁금하신가요?', at: 0.5 },
      { from: 'customer', text: '코 재수술 가능한지 궁금합니다', at: 1 },
      { from: 'ai', text: '현재 코 사진을 보내주시면 원장님께 전달드리겠습니다.', at: 2 },
      { from: 'customer', text: '[image]', at: 5 },
    ],
    turn: { text: '사진 보냈잖아. 왜 답이 없어', at: 20 },
    label: 'orange',
  },
  {
    id: 'ko-thanks-laugh',
    language: 'ko',
    history: [
      { from: 'customer', text: '붓기는 언제쯤 빠지나요?', at: 0 },
      { from: 'ai', text: '보통 3~5일이면 대부분 빠지고, 냉찜질을 해주시면 더 빨리 가라앉습니다.', at: 0.5 },
    ],
    turn: { text: '아 그렇군요 친절한 설명 감사해요 ㅎㅎ', at: 2 },
    label: 'green',
  },
  {
    id: 'ko-third-time',
    language: 'ko',
    history: [
      { from: 'customer', text: '주차 가능한가요?', at: 0 },
      { from: 'ai', text: '저희 병원은 강남역 3번 출구에서 도보 5분 거리입니다.', at: 0.5 },
      { from: 'customer', text: '주차 가능한지 물어봤는데요?', at: 2 },
      { from: 'ai', text: '방문 시 대중교통 이용을 권장드립니다.', at: 2.5 },
    ],
    turn: { text: '장난하세요?? 주차 되냐고 세 번째 물어보는 거예요!!! 다른 병원 갈게요', at: 4 },
    label: 'red',
  },
  {
    id: 'ko-recovering',
    language: 'ko',
    history: [
      { from: 'customer', text: '예약 시간 지났는데 아무도 안 나와요', at: 0 },
      { from: 'staff', text: '정말 죄송합니다. 바로 안내해 드리겠습니다.', at: 2 },
    ],
    turn: { text: '네 알겠습니다', at: 5 },
    label: 'yellow',
  },

  // ───────── ja ─────────
  {
    id: 'ja-plain-question',
    language: 'ja',
    history: [],
    turn: { text: 'ボトックスの料金を教えていただけますか？', at: 0 },
    label: 'green',
  },
  {
    id: 'ja-thanks-booking',
    language: 'ja',
    history: [
      { from: 'customer', text: 'ダウンタイムはどのくらいですか？', at: 0 },
      { from: 'ai', text: '通常2〜3日ほどです。', at: 0.5 },
    ],
    turn: { text: 'わかりました、ありがとうございます😊 予約したいです', at: 2 },
    label: 'green',
  },
  {
    id: 'ja-price-hesitation',
    language: 'ja',
    history: [
      { from: 'customer', text: 'ハイフの値段はいくらですか？', at: 0 },
      { from: 'ai', text: '全顔で25万ウォンです。', at: 0.5 },
    ],
    turn: { text: 'うーん、ちょっと高いですね…他のプランはありますか？', at: 3 },
    label: 'yellow',
  },
  {
    id: 'ja-worried',
    language: 'ja',
    history: [
      { from: 'customer', text: '来週ピコトーニングの予約をしています', at: 0 },
      { from: 'ai', text: 'ご予約ありがとうございます。お待ちしております。', at: 0.5 },
    ],
    turn: { text: '施術後に赤みが残らないか少し不安です', at: 2 },
    label: 'yellow',
  },
  {
    id: 'ja-politeness-drop',
    language: 'ja',
    history: [
      { from: 'customer', text: 'こんにちは、ピコレーザーについて質問があります。', at: 0 },
      { from: 'ai', text: 'こんにちは！どのようなご質問でしょうか？', at: 0.5 },
      { from: 'customer', text: '1回でシミは取れますか？', at: 2 },
      { from: 'ai', text: '個人差がございます。カウンセリングでご案内いたします。', at: 3 },
    ],
    turn: { text: 'だから1回で取れるのか聞いてるんだけど', at: 5 },
    label: 'orange',
  },
  {
    id: 'ja-refund',
    language: 'ja',
    history: [
      { from: 'customer', text: '予約時間に行ったのに1時間待たされました', at: 0 },
      { from: 'ai', text: '大変申し訳ございません。', at: 0.5 },
    ],
    turn: { text: '本当に最悪です。もう二度と行きません。返金してください！！', at: 2 },
    label: 'red',
  },
  {
    id: 'ja-still-waiting',
    language: 'ja',
    history: [
      { from: 'customer', text: '予約の変更をお願いしたいです', at: 0 },
      { from: 'customer', text: '明日の14時を16時にできますか？', at: 1 },
    ],
    turn: { text: 'まだですか？返事をください', at: 35 },
    label: 'orange',
  },
  {
    id: 'ja-neutral-followup',
    language: 'ja',
    history: [
      { from: 'customer', text: '江南駅から近いですか？', at: 0 },
      { from: 'ai', text: 'はい、江南駅から徒歩5分です。', at: 0.5 },
    ],
    turn: { text: '駐車場はありますか？', at: 1 },
    label: 'green',
  },
  {
    id: 'ja-handoff-long-wait',
    language: 'ja',
    history: [
      { from: 'customer', text: 'スタッフの方と直接話したいです', at: 0 },
      { from: 'ai', text: '担当者におつなぎします。少々お待ちください。', at: 1 },
    ],
    waitingForHuman: true,
    turn: { text: 'もう50分も待ってるんですけど？？ふざけないでください', at: 50 },
    label: 'red',
  },
  {
    id: 'ja-excited-thanks',
    language: 'ja',
    history: [
      { from: 'customer', text: '土曜日の11時は空いていますか？', at: 0 },
      { from: 'ai', text: 'はい、空いております。ご予約をお取りしました。', at: 0.5 },
    ],
    turn: { text: 'ありがとうございます！！楽しみにしています', at: 1 },
    label: 'green',
  },

  // ───────── en ─────────
  {
    id: 'en-opening',
    language: 'en',
    history: [],
    turn: { text: "Hi! I'd love to know more about your skin booster packages.", at: 0 },
    label: 'green',
  },
  {
    id: 'en-thanks-booking',
    language: 'en',
    history: [
      { from: 'customer', text: 'How long does lip filler last?', at: 0 },
      { from: 'ai', text: 'Usually 6 to 12 months, depending on the product and your metabolism.', at: 0.5 },
    ],
    turn: { text: 'Perfect, thank you so much! Can I book for Friday?', at: 2 },
    label: 'green',
  },
  {
    id: 'en-price-hesitation',
    language: 'en',
    history: [
      { from: 'customer', text: 'How much is a nose job?', at: 0 },
      { from: 'ai', text: 'Rhinoplasty starts from 5,000,000 KRW including the consultation.', at: 0.5 },
    ],
    turn: { text: "Hmm that's a bit more than I expected. Is there any discount for foreigners?", at: 3 },
    label: 'yellow',
  },
  {
    id: 'en-confused',
    language: 'en',
    history: [
      { from: 'customer', text: "What's the difference between Ultherapy and Thermage?", at: 0 },
      { from: 'ai', text: 'Ultherapy uses focused ultrasound to reach the deeper SMAS layer, while Thermage uses radiofrequency to heat the dermis.', at: 0.5 },
    ],
    turn: { text: "Sorry, I'm still a bit confused. Which one is better for sagging jowls?", at: 3 },
    label: 'yellow',
  },
  {
    id: 'en-not-what-i-asked',
    language: 'en',
    history: [
      { from: 'customer', text: 'Do you have an English-speaking doctor?', at: 0 },
      { from: 'ai', text: 'We have interpreters available for all consultations.', at: 0.5 },
    ],
    turn: { text: "That's not what I asked. Is the DOCTOR able to speak English?", at: 2 },
    label: 'orange',
  },
  {
    id: 'en-shouting-refund',
    language: 'en',
    history: [
      { from: 'customer', text: 'I was charged twice for my deposit', at: 0 },
      { from: 'ai', text: "I'm sorry to hear that. I've passed this to our staff, they will contact you shortly.", at: 0.5 },
    ],
    waitingForHuman: true,
    turn: { text: 'THIS IS RIDICULOUS. I WANT MY MONEY BACK NOW!!!', at: 30 },
    label: 'red',
  },
  {
    id: 'en-anyone-there',
    language: 'en',
    history: [
      { from: 'customer', text: 'Hello?', at: 0 },
      { from: 'customer', text: 'I need to reschedule my appointment tomorrow', at: 1 },
    ],
    turn: { text: 'Is anyone there??', at: 25 },
    label: 'orange',
  },
  {
    id: 'en-bad-review',
    language: 'en',
    history: [
      { from: 'customer', text: 'My lips are still swollen and uneven after 2 weeks', at: 0 },
      { from: 'ai', text: 'Some swelling can be normal. Please apply a cold compress.', at: 0.5 },
    ],
    turn: { text: "This is unacceptable. I'm going to leave a review about this terrible clinic 😡", at: 3 },
    label: 'red',
  },
  {
    id: 'en-any-update',
    language: 'en',
    history: [{ from: 'customer', text: 'Can I get a quote for laser hair removal on both legs?', at: 0 }],
    turn: { text: 'Any update?', at: 8 },
    label: 'yellow',
  },
  {
    id: 'en-see-you',
    language: 'en',
    history: [
      { from: 'customer', text: 'Is 3pm tomorrow available?', at: 0 },
      { from: 'ai', text: "Yes! You're booked for 3pm tomorrow with Dr. Kim.", at: 0.5 },
    ],
    turn: { text: 'ok cool, see you tomorrow at 3 then 👍', at: 1 },
    label: 'green',
  },
  {
    id: 'en-curt-after-anger',
    language: 'en',
    history: [
      { from: 'customer', text: "THIS IS RIDICULOUS, I've been waiting for 40 minutes at the front desk!!", at: 0 },
      { from: 'staff', text: "I'm so sorry, the doctor will see you right now.", at: 2 },
    ],
    turn: { text: 'ok thanks', at: 3 },
    label: 'orange',
  },

  // ───────── zh ─────────
  {
    id: 'zh-opening',
    language: 'zh',
    history: [],
    turn: { text: '你好，请问水光针多少钱？', at: 0 },
    label: 'green',
  },
  {
    id: 'zh-thanks',
    language: 'zh',
    history: [
      { from: 'customer', text: '术后可以化妆吗？', at: 0 },
      { from: 'ai', text: '建议24小时后再化妆。', at: 0.5 },
    ],
    turn: { text: '好的，谢谢！😊', at: 1 },
    label: 'green',
  },
  {
    id: 'zh-price-hesitation',
    language: 'zh',
    history: [
      { from: 'customer', text: '双眼皮手术多少钱？', at: 0 },
      { from: 'ai', text: '埋线法是150万韩元。', at: 0.5 },
    ],
    turn: { text: '有点贵啊，能便宜一点吗？', at: 2 },
    label: 'yellow',
  },
  {
    id: 'zh-reasked',
    language: 'zh',
    history: [
      { from: 'customer', text: '医生是女的吗？', at: 0 },
      { from: 'ai', text: '我们医院有多位经验丰富的医生。', at: 0.5 },
    ],
    turn: { text: '我问的是医生是不是女的？？', at: 2 },
    label: 'orange',
  },
  {
    id: 'zh-complaint-hour',
    language: 'zh',
    history: [
      { from: 'customer', text: '做完以后脸上起了很多红疹', at: 0 },
      { from: 'ai', text: '非常抱歉，已经为您转接工作人员，请稍等。', at: 0.5 },
    ],
    waitingForHuman: true,
    turn: { text: '太差了！一个小时都没人回复，我要投诉！', at: 60 },
    label: 'red',
  },
  {
    id: 'zh-no-reply',
    language: 'zh',
    history: [{ from: 'customer', text: '我想把周五的预约改到周六', at: 0 }],
    turn: { text: '怎么还没有人回复？', at: 30 },
    label: 'orange',
  },
  {
    id: 'zh-inconvenient',
    language: 'zh',
    history: [
      { from: 'customer', text: '可以用支付宝吗？', at: 0 },
      { from: 'ai', text: '目前只支持信用卡和现金。', at: 0.5 },
    ],
    turn: { text: '啊，这样有点不方便', at: 2 },
    label: 'yellow',
  },
  {
    id: 'zh-booking',
    language: 'zh',
    history: [
      { from: 'customer', text: '下周三有空位吗？', at: 0 },
      { from: 'ai', text: '下周三下午2点和4点有空。', at: 0.5 },
    ],
    turn: { text: '那就预约下午2点吧', at: 1 },
    label: 'green',
  },

  // ───────── zh-TW ─────────
  {
    id: 'zhtw-opening',
    language: 'zh-TW',
    history: [],
    turn: { text: '請問皮秒雷射需要恢復期嗎？', at: 0 },
    label: 'green',
  },
  {
    id: 'zhtw-thanks',
    language: 'zh-TW',
    history: [
      { from: 'customer', text: '週六早上還有名額嗎？', at: 0 },
      { from: 'ai', text: '週六上午10點還有空位，已為您預約。', at: 0.5 },
    ],
    turn: { text: '謝謝你們這麼快回覆，很期待！', at: 1 },
    label: 'green',
  },
  {
    id: 'zhtw-price-hesitation',
    language: 'zh-TW',
    history: [
      { from: 'customer', text: '音波拉提的價格是多少？', at: 0 },
      { from: 'ai', text: '全臉300發是120萬韓元。', at: 0.5 },
    ],
    turn: { text: '好貴喔…有沒有比較便宜的方案？', at: 2 },
    label: 'yellow',
  },
  {
    id: 'zhtw-cancel-angry',
    language: 'zh-TW',
    history: [
      { from: 'customer', text: '請問術後多久可以洗臉？', at: 0 },
      { from: 'customer', text: '請問術後多久可以洗臉？？', at: 15 },
    ],
    turn: { text: '你們到底有沒有人在？？？太離譜了，我要取消預約', at: 30 },
    label: 'red',
  },
  {
    id: 'zhtw-disappointed',
    language: 'zh-TW',
    history: [{ from: 'customer', text: '我昨天傳的照片有收到嗎？', at: 0 }],
    turn: { text: '還在等回覆，有點失望', at: 20 },
    label: 'orange',
  },
  {
    id: 'zhtw-nudge',
    language: 'zh-TW',
    history: [{ from: 'customer', text: '請問週六有營業嗎', at: 0 }],
    turn: { text: '請問有人嗎？', at: 7 },
    label: 'yellow',
  },

  // ───────── vi ─────────
  {
    id: 'vi-opening',
    language: 'vi',
    history: [],
    turn: { text: 'Chào bạn, cho mình hỏi giá tiêm filler môi ạ?', at: 0 },
    label: 'green',
  },
  {
    id: 'vi-thanks',
    language: 'vi',
    history: [
      { from: 'customer', text: 'Sau khi làm có cần kiêng gì không ạ?', at: 0 },
      { from: 'ai', text: 'Bạn nên tránh rượu bia và xông hơi trong 1 tuần.', at: 0.5 },
    ],
    turn: { text: 'Dạ em cảm ơn nhiều ạ 🙏', at: 1 },
    label: 'green',
  },
  {
    id: 'vi-price-hesitation',
    language: 'vi',
    history: [
      { from: 'customer', text: 'Nâng mũi giá bao nhiêu vậy?', at: 0 },
      { from: 'ai', text: 'Nâng mũi sụn sườn khoảng 4.000.000 won.', at: 0.5 },
    ],
    turn: { text: 'Đắt quá, có giảm giá không ạ?', at: 2 },
    label: 'yellow',
  },
  {
    id: 'vi-reasked',
    language: 'vi',
    history: [
      { from: 'customer', text: 'Bác sĩ có nói tiếng Việt không?', at: 0 },
      { from: 'ai', text: 'Chúng tôi có phiên dịch viên hỗ trợ.', at: 0.5 },
    ],
    turn: { text: 'Mình hỏi là bác sĩ có nói tiếng Việt không mà???', at: 2 },
    label: 'orange',
  },
  {
    id: 'vi-scam-refund',
    language: 'vi',
    history: [
      { from: 'customer', text: 'Tôi đã đặt cọc nhưng không nhận được xác nhận', at: 0 },
      { from: 'ai', text: 'Xin lỗi bạn, tôi đã chuyển cho nhân viên xử lý.', at: 0.5 },
    ],
    waitingForHuman: true,
    turn: { text: 'Lừa đảo à? Tôi muốn hoàn tiền ngay!!!', at: 90 },
    label: 'red',
  },
  {
    id: 'vi-no-answer',
    language: 'vi',
    history: [{ from: 'customer', text: 'Cho em đổi lịch hẹn sang thứ 6 được không ạ', at: 0 }],
    turn: { text: 'Sao chưa ai trả lời vậy', at: 40 },
    label: 'orange',
  },
  {
    id: 'vi-worried',
    language: 'vi',
    history: [
      { from: 'customer', text: 'Làm xong có bị sưng lâu không?', at: 0 },
      { from: 'ai', text: 'Thường sưng khoảng 1 tuần ạ.', at: 0.5 },
    ],
    turn: { text: 'Lâu vậy à, mình hơi lo', at: 2 },
    label: 'yellow',
  },
  {
    id: 'vi-booking',
    language: 'vi',
    history: [
      { from: 'customer', text: 'Thứ 7 còn lịch trống không?', at: 0 },
      { from: 'ai', text: 'Thứ 7 lúc 10h còn trống ạ.', at: 0.5 },
    ],
    turn: { text: 'Ok, đặt lịch giúp mình lúc 10h nhé', at: 1 },
    label: 'green',
  },
  {
    id: 'vi-no-diacritics-complaint',
    language: 'vi',
    history: [
      { from: 'customer', text: 'hom qua minh di lam laser', at: 0 },
      { from: 'ai', text: 'Cảm ơn bạn đã tin tưởng phòng khám.', at: 0.5 },
    ],
    turn: { text: 'that vong qua, dich vu te qua', at: 3 },
    label: 'red',
  },
];
