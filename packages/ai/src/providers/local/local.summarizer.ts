import type { ConversationIntent, ConversationSummary, ConversationSummaryInput, LangCode } from '../../provider';
import { detectConcepts } from './lexical.embedder';
import { detectIntents } from './intent.rules';

/** The local provider's summary: the customer's intents (rules) and the latest request, in Korean, from templates. */

const LANGUAGE_KO: Record<LangCode, string> = { ko: '한국어', ja: '일본어', en: '영어', zh: '중국어(간체)', 'zh-TW': '중국어(번체)', vi: '베트남어' };

export const INTENT_LABELS_KO: Record<ConversationIntent, string> = {
  price: '가격',
  booking: '예약',
  procedure_info: '시술 정보',
  aftercare: '시술 후 관리',
  side_effect: '부작용·증상',
  complaint: '불만',
  emergency: '응급',
  human_request: '상담원 요청',
  hours_location: '진료시간·위치',
  payment_refund: '결제·환불',
  other: '기타',
};

const PROCEDURES_KO: Record<string, string> = {
  botox: '보톡스',
  filler: '필러',
  laser: '레이저',
  rejuran: '리쥬란',
  lifting: '리프팅',
  skin_booster: '스킨부스터',
};

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return [...t].length > n ? `${[...t].slice(0, n).join('')}…` : t;
};

export function summarizeByRules(input: ConversationSummaryInput): ConversationSummary {
  const customer = input.messages.filter((m) => m.role === 'customer' && m.text.trim());
  const intents = detectIntents(...customer.flatMap((m) => [m.text, m.korean]));
  const concepts = new Set(customer.flatMap((m) => [...detectConcepts(`${m.text}\n${m.korean ?? ''}`)]));
  const procedures = Object.entries(PROCEDURES_KO)
    .filter(([k]) => concepts.has(k))
    .map(([, v]) => v);
  const last = customer[customer.length - 1];
  const parts = [`${LANGUAGE_KO[input.customerLanguage]} 고객 문의: ${intents.map((i) => INTENT_LABELS_KO[i]).join(', ')}.`];
  if (procedures.length) parts.push(`언급된 시술: ${procedures.join(', ')}.`);
  if (last) parts.push(`마지막 고객 메시지: "${clip(last.korean?.trim() || last.text, 80)}"`);
  if (intents.includes('emergency')) parts.push('응급 가능성: 즉시 확인이 필요합니다.');
  if (input.handoffReason) parts.push(`직원 연결 대기 중 (사유: ${input.handoffReason}).`);
  return { summary: parts.join(' '), intents };
}
