import { glossaryKey, type GlossaryEntry, type HistoryMessage, type KnowledgeHit, type LangCode, type ReplyContext } from './provider';

export const LANGUAGE_NAMES: Record<LangCode, string> = {
  ko: 'Korean',
  ja: 'Japanese',
  en: 'English',
  zh: 'Simplified Chinese',
  'zh-TW': 'Traditional Chinese (Taiwan)',
  vi: 'Vietnamese',
};

/** The retrieved rows as the model sees them: numbered, typed, with metadata as compact JSON. */
export function renderKnowledge(knowledge: KnowledgeHit[]): string {
  if (knowledge.length === 0) {
    return 'Clinic knowledge: nothing relevant was found for this message. Do not answer prices or medical facts from memory; call request_human.';
  }
  const rows = knowledge.map((k, i) => {
    const meta = Object.keys(k.metadata).length ? `\nmetadata: ${JSON.stringify(k.metadata)}` : '';
    return `[${i + 1}] ${k.sourceType}:${k.sourceId} (relevance ${k.score.toFixed(2)})\n${k.content.trim()}${meta}`;
  });
  return `Clinic knowledge (the only source for prices, procedures and medical facts; if it does not answer, call request_human):\n\n${rows.join('\n\n')}`;
}

/** System text appended after the clinic's assembled prompt. */
export function replyInstructions(ctx: ReplyContext): string {
  return [
    `You are answering a customer of ${ctx.clinicName} on a messenger.`,
    `Reply in ${LANGUAGE_NAMES[ctx.customerLanguage]}, briefly, as chat text (no markdown headings).`,
    'Messages marked [staff] were written by clinic staff; stay consistent with them.',
    'To hand the conversation to staff, call the request_human tool; do not merely say you will.',
  ].join('\n');
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
}

/**
 * History plus this turn as alternating user/assistant turns: staff messages become assistant turns
 * marked [staff], consecutive same-role messages are merged, and the list starts with a user turn.
 */
export function toChatTurns(history: HistoryMessage[], turnText: string): ChatTurn[] {
  const turns: ChatTurn[] = [];
  const push = (role: ChatTurn['role'], text: string) => {
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.text += `\n${text}`;
    else turns.push({ role, text });
  };
  for (const m of history) {
    if (!m.text.trim()) continue;
    if (m.role === 'customer') push('user', m.text);
    else push('assistant', m.role === 'staff' ? `[staff] ${m.text}` : m.text);
  }
  push('user', turnText);
  if (turns[0]?.role === 'assistant') turns.unshift({ role: 'user', text: '(conversation started)' });
  return turns;
}

/** How well grounded a model reply is: the best knowledge score, halved when the model ran out of tokens. */
export function groundingConfidence(ctx: ReplyContext, truncated: boolean): number {
  const best = ctx.knowledge.reduce((m, k) => Math.max(m, k.score), 0);
  const c = Math.max(0, Math.min(1, best));
  return truncated ? c / 2 : c;
}

export function translationSystemPrompt(from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[]): string {
  const toKey = glossaryKey(to);
  const fromKey = from === 'und' ? undefined : glossaryKey(from);
  const terms = glossary
    .map((g) => {
      const target = g[toKey];
      if (!target) return undefined;
      const source = (fromKey && g[fromKey]) || g.ko;
      return `- ${source} → ${target}`;
    })
    .filter(Boolean);
  const source = from === 'und' ? 'its language' : LANGUAGE_NAMES[from];
  return [
    `You translate chat messages between a Korean medical-aesthetic clinic and its customers.`,
    `Translate the user's message from ${source} into ${LANGUAGE_NAMES[to]}.`,
    terms.length ? `Use exactly these translations for these terms:\n${terms.join('\n')}` : undefined,
    'Keep numbers, prices, dates, URLs and emoji unchanged. Keep the tone.',
    'Output only the translation: no quotes, notes or explanations.',
  ]
    .filter(Boolean)
    .join('\n');
}
