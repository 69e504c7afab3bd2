import { removeSentences } from './text';
import type { GuardResult } from './types';

/** The assistant never passes itself off as a person or a named staff member: such sentences are removed. */
const HUMAN_CLAIM: RegExp[] = [
  /(ai|인공지능|챗봇|봇)\s*(가|이)\s*아니(라|고|에요|예요|ㅂ니다|니다)|(진짜|실제|real)\s*(사람|상담\s*(사|원|실장))\s*(입니다|이에요|예요)|저는\s*(사람|인간)\s*(입니다|이에요)/u,
  /(ai|ボット|チャットボット|人工知能)(では|じゃ)(ありません|ない)|(本物|実際)の(人間|スタッフ|担当者)です|私は人間です/u,
  /\b(i'?m|i\s+am)\s+(not\s+(an?\s+)?(ai|bot|chatbot|machine|assistant)|an?\s+(real\s+)?(human|person)|a\s+real\s+(staff|consultant|coordinator))/u,
  /我不是(ai|机器人|機器人|人工智能|人工智慧)|我是(真人|真正的人|人类|人類)/u,
  /tôi không phải (là )?(ai|bot|máy|robot)|tôi là người thật/u,
];

export function aiIdentityGuard(text: string): { text: string; result: GuardResult } {
  const r = removeSentences(text, (s) => HUMAN_CLAIM.some((p) => p.test(s.normalize('NFKC').toLowerCase())));
  if (!r.removed.length) return { text, result: { rule: 'ai_identity', status: 'pass' } };
  return { text: r.text, result: { rule: 'ai_identity', status: 'repaired', detail: r.removed.join(' | ').slice(0, 200) } };
}
