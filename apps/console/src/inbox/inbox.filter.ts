import type { Conversation, Intent, Platform } from '../api/api.types';

export type Quick = 'all' | 'mine' | 'waiting' | 'risk';

export interface InboxFilter {
  quick: Quick;
  platform: Platform | '';
  country: string;
  /** One of the conversation's detected intents (the summary queue's). */
  intent: Intent | '';
  search: string;
}

export const EMPTY_FILTER: InboxFilter = { quick: 'all', platform: '', country: '', intent: '', search: '' };

export function matches(c: Conversation, f: InboxFilter, userId: string): boolean {
  if (f.quick === 'mine' && c.assignedTo !== userId) return false;
  if (f.quick === 'waiting' && c.status !== 'waiting') return false;
  if (f.quick === 'risk' && c.satisfactionLevel !== 'red' && c.satisfactionLevel !== 'orange') return false;
  if (f.platform && c.messengerAccount.messengerType !== f.platform) return false;
  if (f.country && (c.customer.countryCode ?? '').toUpperCase() !== f.country) return false;
  if (f.intent && !(c.detectedIntents ?? []).includes(f.intent)) return false;
  if (f.search) {
    const q = f.search.toLowerCase();
    const hay = `${c.customer.displayName ?? ''} ${c.customer.name ?? ''}`.toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}
