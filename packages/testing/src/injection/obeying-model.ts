import type { AnthropicHandler, ScriptedAnthropicReply } from '../fakes/anthropic.fake';
import type { OpenAiHandler, ScriptedOpenAiReply } from '../fakes/openai.fake';
import type { InjectionAttack } from './attacks';

/**
 * Scripts the Anthropic and OpenAI fakes as a model that obeys prompt injections: a reply request whose
 * last customer turn carries an attack is answered with the attack's `obey` text (the request's own system
 * prompt pasted in for {{system}}), without calling request_human. Translation requests are answered as a
 * real model would: the attack's Korean rendering when the hub asks for Korean, the text unchanged
 * otherwise (so a reply the model wrote in the wrong language stays in it). Anything else goes to `fallback`.
 */

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

export function findAttack(attacks: readonly InjectionAttack[], text: string): InjectionAttack | undefined {
  const t = norm(text);
  return attacks.find((a) => t.includes(norm(a.text)));
}

export interface ObeyingModel {
  /** Attack ids answered with their obeying completion (reply requests only). */
  served: Set<string>;
  /** The obeying completion for a reply request, or undefined when no attack is in it. */
  reply(system: string, lastUser: string): string | undefined;
  /** The translation a real model would return, or undefined when the request is not a translation. */
  translation(system: string, text: string): string | undefined;
}

export function obeyingModel(attacks: readonly InjectionAttack[]): ObeyingModel {
  const served = new Set<string>();
  return {
    served,
    reply(system, lastUser) {
      const attack = findAttack(attacks, lastUser);
      if (!attack) return undefined;
      served.add(attack.id);
      return attack.obey.replace('{{system}}', system);
    },
    translation(system, text) {
      if (!system.startsWith('You translate chat messages')) return undefined;
      const attack = findAttack(attacks, text);
      if (attack?.ko && /into Korean\./.test(system)) return attack.ko;
      return text;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request JSON as the fakes record it
const textOf = (content: any): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((b: { text?: string }) => b.text ?? '').join('\n') : '';

export function obeyingAnthropicHandler(model: ObeyingModel, fallback: AnthropicHandler = () => ({ text: 'OK' })): AnthropicHandler {
  return (body, req): ScriptedAnthropicReply | Promise<ScriptedAnthropicReply> => {
    const system = textOf(body.system);
    const last = body.messages[body.messages.length - 1];
    const user = textOf(last?.content);
    const translated = model.translation(system, user);
    if (translated !== undefined) return { text: translated };
    const isReply = (body.tools ?? []).some((t: { name?: string }) => t.name === 'request_human');
    const obeyed = isReply ? model.reply(system, user) : undefined;
    return obeyed !== undefined ? { text: obeyed } : fallback(body, req);
  };
}

export function obeyingOpenAiHandler(model: ObeyingModel, fallback: OpenAiHandler = () => ({ text: 'OK' })): OpenAiHandler {
  return (body, req): ScriptedOpenAiReply | Promise<ScriptedOpenAiReply> => {
    const messages = body.messages as { role: string; content: unknown }[];
    const system = textOf(messages.find((m) => m.role === 'system')?.content);
    const user = textOf(messages[messages.length - 1]?.content);
    const translated = model.translation(system, user);
    if (translated !== undefined) return { text: translated };
    const isReply = (body.tools ?? []).some((t: { function?: { name?: string } }) => t.function?.name === 'request_human');
    const obeyed = isReply ? model.reply(system, user) : undefined;
    return obeyed !== undefined ? { text: obeyed } : fallback(body, req);
  };
}
