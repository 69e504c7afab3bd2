import type { LangCode } from '@hub/ai';
import { renderHours } from '../indexing/clinic-info';

/**
 * What the customer is told when the AI hands a conversation to staff: never silence. A medical
 * emergency gets a safety message first (call emergency services now, the clinic's phone, staff
 * alerted); every other handoff says a staff member will answer, with the clinic's hours when it is
 * closed and its phone number. Clinics override the texts per language in settings
 * (`handoff_message`, `emergency_message`: { ja: "…", … }, placeholders {clinic} {phone} {hours}
 * {emergency}).
 */
export interface HandoffNoticeInput {
  lang: LangCode;
  reason: string;
  clinicName: string;
  phone: string | null;
  settings: Record<string, unknown>;
  timezone: string;
  now: Date;
  /** The customer's country (ISO 3166-1 alpha-2), for their local emergency number. */
  country?: string | null;
}

export interface HandoffNotice {
  text: string;
  urgent: boolean;
}

/** Emergency numbers by country (ambulance); Korea's is always given, the clinic is there. */
const EMERGENCY_NUMBERS: Record<string, string> = {
  KR: '119',
  JP: '119',
  CN: '120',
  TW: '119',
  HK: '999',
  MO: '999',
  US: '911',
  CA: '911',
  VN: '115',
  TH: '1669',
  SG: '995',
  PH: '911',
  MY: '999',
  ID: '119',
  AU: '000',
  GB: '999',
};

interface Texts {
  staff: string;
  closed: string;
  phone: string;
  emergency: string;
  local: string;
}

const TEXTS: Record<LangCode, Texts> = {
  ko: {
    staff: '{clinic} 상담 직원이 곧 직접 답변드리겠습니다.',
    closed: '지금은 진료 시간이 아니어서, 진료 시간({hours})에 답변드립니다.',
    phone: '급하시면 {phone}로 전화 주세요.',
    emergency:
      '호흡이 힘들거나 얼굴·목이 붓거나, 시야 이상, 심한 통증, 피부색 변화가 있으면 지금 바로 119에 전화하세요.{local} {clinic} 전화: {phone}. 담당 직원에게 긴급 알림을 보냈습니다.',
    local: ' (해외에 계시면 {number})',
  },
  ja: {
    staff: '{clinic}のスタッフがまもなく直接お返事いたします。',
    closed: 'ただいま診療時間外のため、診療時間（{hours}）内にお返事いたします。',
    phone: 'お急ぎの場合は {phone} までお電話ください。',
    emergency:
      '息苦しさ、顔やのどの腫れ、見え方の異常、強い痛み、皮膚の色の変化がある場合は、今すぐ救急（韓国では119）に電話してください。{local}{clinic}の電話：{phone}。担当スタッフに緊急通知を送りました。',
    local: '日本にいらっしゃる場合は{number}です。',
  },
  en: {
    staff: 'A member of the {clinic} team will reply to you personally shortly.',
    closed: 'We are closed right now and will reply during our opening hours ({hours}).',
    phone: 'If it is urgent, please call {phone}.',
    emergency:
      'If you have trouble breathing, swelling of the face or throat, changes in your vision, severe pain or a change in skin colour, call emergency services now (119 in Korea{local}). {clinic} phone: {phone}. Our staff have been alerted.',
    local: ', {number} where you are',
  },
  zh: {
    staff: '{clinic}的工作人员会尽快亲自回复您。',
    closed: '现在是非营业时间，我们会在营业时间（{hours}）内回复您。',
    phone: '如有急事，请致电 {phone}。',
    emergency:
      '如果出现呼吸困难、面部或喉咙肿胀、视力异常、剧烈疼痛或皮肤颜色改变，请立即拨打急救电话（韩国119{local}）。{clinic}电话：{phone}。我们已紧急通知工作人员。',
    local: '，您所在地为{number}',
  },
  'zh-TW': {
    staff: '{clinic}的工作人員會盡快親自回覆您。',
    closed: '現在是非營業時間，我們會在營業時間（{hours}）內回覆您。',
    phone: '如有急事，請致電 {phone}。',
    emergency:
      '如果出現呼吸困難、臉部或喉嚨腫脹、視力異常、劇烈疼痛或皮膚顏色改變，請立即撥打急救電話（韓國119{local}）。{clinic}電話：{phone}。我們已緊急通知工作人員。',
    local: '，您所在地為{number}',
  },
  vi: {
    staff: 'Nhân viên của {clinic} sẽ trực tiếp trả lời bạn ngay.',
    closed: 'Hiện đang ngoài giờ làm việc, chúng tôi sẽ trả lời trong giờ làm việc ({hours}).',
    phone: 'Nếu gấp, vui lòng gọi {phone}.',
    emergency:
      'Nếu bạn khó thở, sưng mặt hoặc họng, thay đổi thị lực, đau dữ dội hoặc da đổi màu, hãy gọi cấp cứu ngay (119 tại Hàn Quốc{local}). Điện thoại {clinic}: {phone}. Nhân viên của chúng tôi đã được báo khẩn.',
    local: ', {number} nơi bạn đang ở',
  },
};

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Open right now by `operating_hours` ({"mon": "10:00-20:00", "sun": "closed", …}) in the clinic's zone; undefined when unknown. */
export function isOpenNow(settings: Record<string, unknown>, timezone: string, now: Date): boolean | undefined {
  const hours = settings['operating_hours'];
  if (!hours || typeof hours !== 'object') return undefined;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    now,
  );
  const weekday = parts
    .find((p) => p.type === 'weekday')
    ?.value.slice(0, 3)
    .toLowerCase();
  const minutes = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  const key = DAY_KEYS.find((d) => d === weekday);
  if (!key) return undefined;
  const today = (hours as Record<string, unknown>)[key];
  if (typeof today !== 'string') return today === null || today === false ? false : undefined;
  const m = /^(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})$/.exec(today.trim());
  if (!m) return /closed|휴진|휴무|off/i.test(today) ? false : undefined;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  return minutes >= from && minutes < to;
}

function override(settings: Record<string, unknown>, key: string, lang: LangCode): string | undefined {
  const v = settings[key];
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const t = (v as Record<string, unknown>)[lang];
    if (typeof t === 'string' && t.trim()) return t;
  }
  return undefined;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all);

export function handoffNotice(input: HandoffNoticeInput): HandoffNotice {
  const t = TEXTS[input.lang];
  const phone = input.phone?.trim() || '';
  const hours = renderHours(input.settings['operating_hours'] ?? input.settings['hours'], input.lang) ?? '';
  const country = input.country?.toUpperCase();
  const local =
    country && country !== 'KR' && EMERGENCY_NUMBERS[country] && EMERGENCY_NUMBERS[country] !== '119'
      ? fill(t.local, { number: EMERGENCY_NUMBERS[country]! })
      : '';
  const values = { clinic: input.clinicName, phone, hours, emergency: '119', local };
  if (input.reason === 'medical_emergency') {
    const text = override(input.settings, 'emergency_message', input.lang) ?? t.emergency;
    return {
      text: fill(text, values)
        .replace(/\s+([.。])/g, '$1')
        .trim(),
      urgent: true,
    };
  }
  const custom = override(input.settings, 'handoff_message', input.lang);
  if (custom) return { text: fill(custom, values), urgent: false };
  const lines = [fill(t.staff, values)];
  if (hours && isOpenNow(input.settings, input.timezone, input.now) === false) lines.push(fill(t.closed, values));
  if (phone) lines.push(fill(t.phone, values));
  return { text: lines.join(input.lang === 'en' || input.lang === 'vi' ? ' ' : ''), urgent: false };
}
