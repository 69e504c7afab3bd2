import { REPLY_TOOL_NAMES } from '@hub/ai';
import type { GuardContext, GuardResult } from './types';

/**
 * The model's instructions stay with the model. A reply that repeats a span of the system prompt or the
 * reply instructions verbatim, names the hub's tools, or prints the knowledge block's rendering (source
 * ids with relevance, metadata JSON) was steered into dumping its prompt: it is withheld whole, since the
 * rest of such a reply cannot be trusted either.
 */

/** Characters of instruction text a reply may share verbatim before it counts as an echo. */
const WINDOW = 32;
const RENDERING = /\(relevance \d|\bmetadata:\s*\{|"(crossSell|upsell|discountWarning|eventActive|named|source)"\s*:/u;

const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function promptEchoGuard(text: string, ctx: Pick<GuardContext, 'instructions'>): { result: GuardResult; handoff?: { reason: string } } {
  const reply = squash(text);
  const blocked = (detail: string) => ({ result: { rule: 'prompt_echo' as const, status: 'blocked' as const, detail }, handoff: { reason: 'reply_blocked' } });
  const tool = REPLY_TOOL_NAMES.find((t) => reply.includes(t));
  if (tool) return blocked(`names the tool ${tool}`);
  if (RENDERING.test(text)) return blocked('prints the knowledge rendering');
  for (const instruction of ctx.instructions ?? []) {
    // Quoted examples ("greet with: …", 「〜いたします」) are meant to be said.
    const s = squash(instruction.replace(/"[^"\n]*"|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』/gu, ' '));
    for (let i = 0; i + WINDOW <= s.length; i += 8) {
      const span = s.slice(i, i + WINDOW);
      if (reply.includes(span)) return blocked(`repeats the instructions: "${span}"`);
    }
  }
  return { result: { rule: 'prompt_echo', status: 'pass' } };
}
