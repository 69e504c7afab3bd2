import type { LangCode } from '../../provider';
import type { HandoffReason } from './handoff.rules';

export interface ReplyTemplates {
  handoff: Record<HandoffReason, string>;
  price(name: string, price: string): string;
  downtime(name: string, downtime: string): string;
  sideEffects(name: string, sideEffects: string): string;
  aftercare(name: string, aftercare: string): string;
  effectDuration(name: string, duration: string): string;
  /** A package's terms; any of sessions, months valid, days between sessions may be absent. */
  packageTerms(name: string, terms: { sessions?: number; validityMonths?: number; intervalDays?: number }): string;
  pain(name: string, level: number): string;
  formatKrw(amount: number): string;
  range(min: string, max: string): string;
  bookingInvite: string;
  /** A running event's end date, said beside its price. */
  eventUntil(date: string): string;
}

const n = (amount: number, sep = ',') =>
  Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, sep);

export const REPLY_TEMPLATES: Record<LangCode, ReplyTemplates> = {
  ko: {
    handoff: {
      medical_emergency: '증상이 심하시면 바로 119에 연락하시거나 가까운 응급실을 방문해 주세요. 담당 의료진에게 즉시 전달하겠습니다.',
      complaint: '불편을 드려 죄송합니다. 담당자가 직접 확인 후 연락드리겠습니다.',
      customer_requested_human: '담당자에게 연결해 드리겠습니다. 잠시만 기다려 주세요.',
      no_knowledge_match: '확인 후 담당자가 안내해 드리겠습니다. 잠시만 기다려 주세요.',
    },
    price: (name, price) => `${name} 가격은 ${price}입니다.`,
    downtime: (name, d) => `${name} 다운타임은 ${d}입니다.`,
    sideEffects: (name, s) => `${name}의 주요 부작용: ${s}.`,
    aftercare: (name, a) => `${name} 시술 후 주의사항: ${a}`,
    effectDuration: (name, d) => `${name} 효과 지속 기간: ${d}.`,
    packageTerms: (name, t) =>
      `${name} ${t.sessions ? `${t.sessions}회 ` : ''}패키지: ${[t.validityMonths ? `유효기간 ${t.validityMonths}개월` : '', t.intervalDays ? `${t.intervalDays}일 간격으로 시술` : ''].filter(Boolean).join(', ')}.`,
    pain: (name, l) => `${name} 통증은 10점 중 ${l}점 정도입니다.`,
    formatKrw: (a) => `${n(a)}원`,
    range: (min, max) => `${min}~${max}`,
    bookingInvite: '예약을 원하시면 희망 날짜를 알려 주세요.',
    eventUntil: (d) => `(이벤트 가격, ${d}까지)`,
  },
  ja: {
    handoff: {
      medical_emergency: '症状が重い場合は、すぐに119番（韓国の救急）に連絡するか、最寄りの救急外来を受診してください。担当の医療スタッフにすぐ伝えます。',
      complaint: 'ご不便をおかけして申し訳ございません。担当者が確認のうえご連絡いたします。',
      customer_requested_human: '担当者におつなぎします。少々お待ちください。',
      no_knowledge_match: '確認のうえ担当者からご案内いたします。少々お待ちください。',
    },
    price: (name, price) => `${name}の料金は${price}です。`,
    downtime: (name, d) => `${name}のダウンタイムは${d}です。`,
    sideEffects: (name, s) => `${name}の主な副作用：${s}。`,
    aftercare: (name, a) => `${name}の施術後の注意点：${a}`,
    effectDuration: (name, d) => `${name}の効果の持続期間：${d}。`,
    packageTerms: (name, t) =>
      `${name}${t.sessions ? `${t.sessions}回` : ''}パッケージ：${[t.validityMonths ? `有効期限${t.validityMonths}か月` : '', t.intervalDays ? `${t.intervalDays}日間隔で施術` : ''].filter(Boolean).join('、')}。`,
    pain: (name, l) => `${name}の痛みは10段階で${l}程度です。`,
    formatKrw: (a) => `${n(a)}ウォン`,
    range: (min, max) => `${min}〜${max}`,
    bookingInvite: 'ご予約をご希望でしたら、ご希望の日にちをお知らせください。',
    eventUntil: (d) => `（キャンペーン価格、${d}まで）`,
  },
  en: {
    handoff: {
      medical_emergency:
        'If your symptoms are severe, please call 119 (Korean emergency services) or go to the nearest emergency room now. We are alerting our medical staff right away.',
      complaint: 'We are sorry for the trouble. A staff member will look into this and contact you.',
      customer_requested_human: 'Connecting you with a staff member. Please wait a moment.',
      no_knowledge_match: 'Let me check with our staff; they will get back to you shortly.',
    },
    price: (name, price) => `${name} costs ${price}.`,
    downtime: (name, d) => `Downtime for ${name}: ${d}.`,
    sideEffects: (name, s) => `Main side effects of ${name}: ${s}.`,
    aftercare: (name, a) => `Aftercare for ${name}: ${a}`,
    effectDuration: (name, d) => `How long ${name} lasts: ${d}.`,
    packageTerms: (name, t) =>
      `${name}${t.sessions ? ` ${t.sessions}-session` : ''} package: ${[t.validityMonths ? `valid for ${t.validityMonths} months` : '', t.intervalDays ? `one session every ${t.intervalDays} days` : ''].filter(Boolean).join(', ')}.`,
    pain: (name, l) => `Pain with ${name}: about ${l} out of 10.`,
    formatKrw: (a) => `KRW ${n(a)}`,
    range: (min, max) => `${min} to ${max}`,
    bookingInvite: 'If you would like to book, just tell us your preferred date.',
    eventUntil: (d) => `(event price, until ${d})`,
  },
  zh: {
    handoff: {
      medical_emergency: '如果症状严重，请立即拨打119（韩国急救电话）或前往最近的急诊室。我们会马上通知医护人员。',
      complaint: '给您带来不便，非常抱歉。负责人确认后会与您联系。',
      customer_requested_human: '正在为您转接工作人员，请稍候。',
      no_knowledge_match: '我们确认后由工作人员为您解答，请稍候。',
    },
    price: (name, price) => `${name}的价格是${price}。`,
    downtime: (name, d) => `${name}的恢复期为${d}。`,
    sideEffects: (name, s) => `${name}的主要副作用：${s}。`,
    formatKrw: (a) => `${n(a)}韩元`,
    aftercare: (name, a) => `${name}的术后注意事项：${a}`,
    effectDuration: (name, d) => `${name}的效果维持时间：${d}。`,
    packageTerms: (name, t) =>
      `${name}${t.sessions ? `${t.sessions}次` : ''}套餐：${[t.validityMonths ? `有效期${t.validityMonths}个月` : '', t.intervalDays ? `每${t.intervalDays}天做一次` : ''].filter(Boolean).join('，')}。`,
    pain: (name, l) => `${name}的疼痛程度约为${l}/10。`,
    range: (min, max) => `${min}至${max}`,
    bookingInvite: '如需预约，请告诉我们您希望的日期。',
    eventUntil: (d) => `（活动价，截至${d}）`,
  },
  'zh-TW': {
    handoff: {
      medical_emergency: '如果症狀嚴重，請立即撥打119（韓國急救電話）或前往最近的急診室。我們會馬上通知醫護人員。',
      complaint: '造成您的不便，非常抱歉。負責人確認後會與您聯絡。',
      customer_requested_human: '正在為您轉接工作人員，請稍候。',
      no_knowledge_match: '我們確認後由工作人員為您解答，請稍候。',
    },
    price: (name, price) => `${name}的價格是${price}。`,
    downtime: (name, d) => `${name}的恢復期為${d}。`,
    sideEffects: (name, s) => `${name}的主要副作用：${s}。`,
    formatKrw: (a) => `${n(a)}韓元`,
    aftercare: (name, a) => `${name}的術後注意事項：${a}`,
    effectDuration: (name, d) => `${name}的效果維持時間：${d}。`,
    packageTerms: (name, t) =>
      `${name}${t.sessions ? `${t.sessions}次` : ''}套餐：${[t.validityMonths ? `有效期${t.validityMonths}個月` : '', t.intervalDays ? `每${t.intervalDays}天做一次` : ''].filter(Boolean).join('，')}。`,
    pain: (name, l) => `${name}的疼痛程度約為${l}/10。`,
    range: (min, max) => `${min}至${max}`,
    bookingInvite: '如需預約，請告訴我們您希望的日期。',
    eventUntil: (d) => `（優惠價，至${d}為止）`,
  },
  vi: {
    handoff: {
      medical_emergency:
        'Nếu triệu chứng nghiêm trọng, vui lòng gọi ngay 119 (cấp cứu Hàn Quốc) hoặc đến phòng cấp cứu gần nhất. Chúng tôi sẽ báo ngay cho nhân viên y tế.',
      complaint: 'Chúng tôi rất xin lỗi vì sự bất tiện. Nhân viên phụ trách sẽ kiểm tra và liên hệ với bạn.',
      customer_requested_human: 'Chúng tôi đang kết nối bạn với nhân viên. Vui lòng chờ trong giây lát.',
      no_knowledge_match: 'Chúng tôi sẽ kiểm tra và nhân viên sẽ phản hồi bạn sớm. Vui lòng chờ trong giây lát.',
    },
    price: (name, price) => `Giá ${name} là ${price}.`,
    downtime: (name, d) => `Thời gian hồi phục của ${name}: ${d}.`,
    sideEffects: (name, s) => `Tác dụng phụ chính của ${name}: ${s}.`,
    aftercare: (name, a) => `Lưu ý sau khi làm ${name}: ${a}`,
    effectDuration: (name, d) => `Hiệu quả của ${name} kéo dài: ${d}.`,
    packageTerms: (name, t) =>
      `Gói ${t.sessions ? `${t.sessions} buổi ` : ''}${name}: ${[t.validityMonths ? `có hiệu lực ${t.validityMonths} tháng` : '', t.intervalDays ? `mỗi buổi cách nhau ${t.intervalDays} ngày` : ''].filter(Boolean).join(', ')}.`,
    pain: (name, l) => `Mức đau của ${name}: khoảng ${l}/10.`,
    formatKrw: (a) => `${n(a, '.')} won`,
    range: (min, max) => `${min} - ${max}`,
    bookingInvite: 'Nếu bạn muốn đặt lịch, hãy cho chúng tôi biết ngày bạn mong muốn.',
    eventUntil: (d) => `(giá ưu đãi đến ngày ${d})`,
  },
};
