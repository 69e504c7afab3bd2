import { detectHandoff, normalizeForLexicon } from '@hub/ai';

export type TurnHandoffReason =
  | 'medical_emergency'
  | 'complaint'
  | 'customer_requested_human'
  | 'medical_question'
  | 'booking_exception'
  | 'booking_request'
  | 'low_confidence'
  | 'no_knowledge_match'
  | 'price_unverified';

// Signs of vascular occlusion after filler the shared rules miss (blanching, blurred vision): emergencies.
const EMERGENCY_EXTRA: RegExp[] = [
  /하얗게\s*(변|됐|되)|보랏빛|보라색으로|잘\s*안\s*보|흐릿하게\s*보|시야가\s*흐/u,
  /白く(なっ|変色)|紫色に|見えにく|かすんで見え|視界がぼや/u,
  /turn(ed|ing)?\s+(white|pale|purple|blue)|blurr(y|ed)\s+vision|vision\s+is\s+blurr/u,
  /发白|發白|变紫|變紫|视力模糊|視力模糊|看不清/u,
  /trắng bệch|tím tái|mờ mắt|nhìn mờ/u,
];

// Personal medical situations the clinic's knowledge cannot answer safely (pregnancy, medication, conditions).
const MEDICAL_QUESTION: RegExp[] = [
  /임신|수유|모유|복용\s*중|약을?\s*(먹|복용)|항응고|아스피린|알레르기|알러지|지병|당뇨|고혈압|켈로이드|진단/u,
  /妊娠|授乳|服用中|薬を(飲ん|服用)|アレルギー|持病|糖尿病|高血圧|ケロイド|診断/u,
  /pregnan|breast-?feed|nursing\s+mother|medication|blood\s+thinner|aspirin|allerg|diabetes|diabetic|high\s+blood\s+pressure|keloid|diagnos/u,
  /怀孕|懷孕|哺乳|正在吃药|正在吃藥|服药|服藥|过敏|過敏|糖尿病|高血压|高血壓|疤痕体质|疤痕體質|诊断|診斷/u,
  /mang thai|có thai|cho con bú|đang uống thuốc|dị ứng|tiểu đường|huyết áp cao|sẹo lồi|chẩn đoán/u,
];

// "Is this normal?" about how one feels: answered from a named procedure's listed side effects and
// aftercare (emergencies were caught before); without a procedure to read, staff answer.
const IS_IT_NORMAL: RegExp[] = [
  /정상인가요|정상이에요\?|괜찮은\s*건가요/u,
  /普通ですか|正常ですか|大丈夫でしょうか/u,
  /is\s+(this|it|that)\s+normal/u,
  /正常吗|正常嗎/u,
  /có bình thường không/u,
];

export function asksIfNormal(...texts: (string | null | undefined)[]): boolean {
  return texts.some((t) => !!t && IS_IT_NORMAL.some((p) => p.test(t.normalize('NFKC').toLowerCase())));
}

// Changes to an existing booking: staff handle them (availability, deposits, policy exceptions).
const BOOKING_EXCEPTION: RegExp[] = [
  /예약\s*(을|를|은|도)?\s*(취소|변경|바꾸|바꿀|미루|미룰|연기)|취소\s*(하고|할게|해\s*주)|일정\s*(을\s*)?(변경|바꾸)|늦을\s*것\s*같|늦어요|지각|노쇼/u,
  /予約(を|の)?(キャンセル|変更|取り消|日程変更)|キャンセル(したい|します|お願い)|日程(を)?変更|遅れ(そう|ます|る)|遅刻/u,
  /\bcancel|reschedul|change\s+(my|the)\s+(booking|appointment|reservation)|move\s+(my|the)\s+(booking|appointment)|running\s+late|be\s+late/u,
  /取消预约|取消預約|取消(我的)?预定|改期|更改预约|更改預約|改约|改約|迟到|遲到|推迟|推遲/u,
  /h[uủ]y\s*lịch|huỷ lịch|đổi lịch|dời lịch|thay đổi lịch|đến muộn|trễ hẹn|hủy hẹn/u,
];

// A request to book (a booking word with a date, a time or a "please / I want"): staff book it until a
// booking flow exists. Questions about the booking deposit or policy are answered, not handed off.
const BOOKING_WORD = /예약|予約|よやく|yoyaku|\bbook(ing)?\b|appointment|reserv|预约|預約|预定|預定|约个|約個|dat lich|dat hen|lich hen|hen lich/u;
const BOOKING_WHEN =
  /\d{1,2}\s*(시|時|点|點|h\b|:\d\d|am\b|pm\b|gio\b)|[월화수목금토일]요일|다음\s*주|이번\s*주|내일|모레|[月火水木金土日]曜|来週|今週|明日|あした|星期|礼拜|禮拜|[周週][一二三四五六日末]|下[周週]|明天|后天|後天|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|tomorrow|next\s+week|this\s+week|\bthu\s*\d|chu nhat|tuan sau|tuan toi|ngay mai|\d{1,2}\s*[/월月]\s*\d{1,2}/u;
const BOOKING_WANT =
  /싶어|싶습니다|부탁|해\s*주세요|잡아\s*주|할게요|하려고|お願い|したい|取りたい|入れたい|i'?d like to|i want to|i would like|can i (book|make)|book me|please book|我想|帮我|幫我|想要|muon|cho em|cho minh|giup em/u;
const BOOKING_POLICY = /예약금|예약\s*(방법|취소\s*규정)|予約金|デポジット|deposit|订金|定金|訂金|押金|dat coc|tien coc/u;

export function isBookingRequest(text: string): boolean {
  const t = normalizeForLexicon(text);
  if (!BOOKING_WORD.test(t) || BOOKING_POLICY.test(t)) return false;
  return BOOKING_WHEN.test(t) || BOOKING_WANT.test(t);
}

/** Reasons to hand the turn to staff before any generation, checked on the original text and its Korean. */
export function inputHandoff(...texts: (string | null | undefined)[]): TurnHandoffReason | undefined {
  const all = texts.filter((t): t is string => !!t);
  const shared = all.map((t) => detectHandoff(t)).filter((r) => r !== undefined);
  if (shared.includes('medical_emergency')) return 'medical_emergency';
  const lower = all.map((t) => t.normalize('NFKC').toLowerCase());
  if (lower.some((t) => EMERGENCY_EXTRA.some((p) => p.test(t)))) return 'medical_emergency';
  if (shared[0]) return shared[0];
  if (lower.some((t) => MEDICAL_QUESTION.some((p) => p.test(t)))) return 'medical_question';
  if (lower.some((t) => BOOKING_EXCEPTION.some((p) => p.test(t)))) return 'booking_exception';
  if (all.some((t) => isBookingRequest(t))) return 'booking_request';
  return undefined;
}
