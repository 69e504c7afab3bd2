/**
 * When the local generator must hand the conversation to staff. Checked in every language whatever the
 * detected one (customers mix). Emergencies first: they change what we tell the customer.
 */
import { detectEmergency, normalizeForLexicon } from './emergency.lexicon';

export type HandoffReason = 'medical_emergency' | 'complaint' | 'customer_requested_human' | 'no_knowledge_match';

const RULES: { reason: Exclude<HandoffReason, 'no_knowledge_match'>; patterns: RegExp[] }[] = [
  {
    reason: 'medical_emergency',
    patterns: [
      /응급|출혈|피가\s*(안|계속)|숨(을|이)?\s*(못|안)\s*쉬|호흡\s*곤란|고름|괴사|감염|실명|시력|앞이\s*안\s*보|심하게\s*부(었|어)|마비/u,
      /救急|出血|血が止まら|息ができ|呼吸(が)?苦し|呼吸困難|化膿|膿が|壊死|感染|失明|視力|目が見えな|腫れがひど|しびれ/u,
      /emergency|bleeding|can'?t\s+breathe|cannot\s+breathe|short(ness)?\s+of\s+breath|difficulty\s+breathing|infect(ed|ion)|\bpus\b|necrosis|vision\s+loss|can'?t\s+see|blind|anaphyla|allergic\s+reaction|severe(ly)?\s+swell|numbness/u,
      /急诊|急診|出血|流血不止|呼吸困难|呼吸困難|喘不过气|喘不過氣|感染|化脓|化膿|坏死|壞死|失明|视力|視力|过敏反应|過敏反應|肿得很厉害|腫得很厲害/u,
      /cấp cứu|chảy máu|khó thở|nhiễm trùng|có mủ|hoại tử|mất thị lực|không nhìn thấy|sốc phản vệ|dị ứng nặng|sưng nặng/u,
    ],
  },
  {
    reason: 'complaint',
    patterns: [
      /불만|환불|항의|최악|고소|소송|신고할|화가\s*나|짜증|실망|사기/u,
      /苦情|クレーム|返金|最悪|訴え|ひどすぎ|怒って|がっかり|詐欺/u,
      /complain|complaint|refund|terrible|worst|angry|lawsuit|\bsue\b|scam|disappointed|unacceptable/u,
      /投诉|投訴|退款|退钱|退錢|太差|最差|生气|生氣|骗子|騙子|失望/u,
      /khiếu nại|hoàn tiền|trả lại tiền|tệ quá|quá tệ|bực mình|lừa đảo|thất vọng/u,
      // A payment taken twice is a billing complaint staff must fix (all languages, vi without diacritics too).
      /(결제|청구|승인|출금|빠져).{0,12}(두\s*번|2\s*번|중복|이중)|(두\s*번|2\s*번|중복|이중)\s*(결제|청구|승인|출금)/u,
      /(二重|2回|二回|重複).{0,4}(請求|決済|引き落と|課金|支払)|(請求|決済|引き落と|課金).{0,8}(二重|2回|二回|重複)/u,
      /(charged|billed|debited|paid)\s+(me\s+)?(twice|two\s+times|double)|double[-\s]?(charg|bill)|duplicate\s+(charge|payment|transaction)|two\s+identical\s+(card\s+)?(payment|charge)/u,
      /重复扣款|重複扣款|重复收费|重複收費|重复支付|重複支付|扣了两次|扣了兩次|扣两次|扣兩次|扣款两次|扣款兩次|刷了两次|刷了兩次|多扣/u,
      /(tru|thanh toan|tinh|quet|bi tru|thu)\s*(tien\s*)?(hai|2)\s*lan|(hai|2)\s*lan\s*(tru|thanh toan)/u,
    ],
  },
  {
    reason: 'customer_requested_human',
    patterns: [
      // "사람" alone is too common ("사람마다 달라요?"): require a request around it, or a bare "사람(이요)".
      /사람.{0,8}(연결|상담|대화|얘기|이야기|바꿔|통화)|(연결|바꿔).{0,4}사람|^\s*사람\s*(이요|요)?\s*[.!?]*\s*$|상담원|상담사|실장님|직원.{0,6}(연결|바꿔|통화|있나|있어)/u,
      /人間|担当者|スタッフ(さん|の方)?(と|に|を)|オペレーター|人と話|担当の方|直接(話|相談|お話)/u,
      // "not a bot / not the AI, a person" in every language
      /(ai|bot|봇|챗봇|ロボット|机器人|機器人)\s*(말고|아니고|じゃなくて|ではなく|じゃない)|not\s+(a|an|the)\s+(bot|ai|robot)|不是\s*(ai|机器人|機器人)|不要\s*(ai|机器人|機器人)|khong phai (ai|bot|may)/u,
      /\bhuman\b|real\s+person|live\s+agent|\bagent\b|talk\s+to\s+(someone|somebody|a\s+person|staff)|\bstaff\b|\boperator\b/u,
      /人工|真人|客服|工作人员|工作人員/u,
      /nhân viên|người thật|tư vấn viên|gặp người/u,
    ],
  },
];

export function detectHandoff(text: string): Exclude<HandoffReason, 'no_knowledge_match'> | undefined {
  if (detectEmergency(text)) return 'medical_emergency';
  const t = text.normalize('NFKC').toLowerCase();
  // Latin text also without diacritics: Vietnamese is often typed without them.
  const stripped = normalizeForLexicon(text);
  for (const rule of RULES) if (rule.patterns.some((p) => p.test(t) || p.test(stripped))) return rule.reason;
  return undefined;
}
