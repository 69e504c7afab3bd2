import { describe, expect, it } from 'vitest';
import { LOCK_REQUESTED_CONVERSATIONS, earlierReplyPending, lockInIdOrder, previousScore, satisfactionWindow } from './fragments';

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('statement fragments', () => {
  it('lockInIdOrder locks only the conversation alias, in id order, after the query', () => {
    expect(squash(lockInIdOrder('SELECT v.id FROM req JOIN conversations v ON v.id = req.id', 'v'))).toBe(
      'SELECT v.id FROM req JOIN conversations v ON v.id = req.id ORDER BY v.id FOR UPDATE OF v',
    );
    expect(squash(LOCK_REQUESTED_CONVERSATIONS)).toBe(
      'SELECT c.id FROM conversations c WHERE c.id IN (SELECT "conversationId" FROM req) ORDER BY c.id FOR UPDATE OF c',
    );
  });

  it('earlierReplyPending bounds by seq only when given one', () => {
    const bounded = squash(earlierReplyPending('m.conversation_id', 'm.seq'));
    expect(bounded).toContain('e.conversation_id = m.conversation_id AND e.seq < m.seq');
    expect(bounded).toContain("e.sender_type IN ('ai', 'staff') AND e.delivery_status IN ('pending', 'sending')");
    expect(squash(earlierReplyPending('c.id'))).not.toContain('e.seq');
  });

  it('the satisfaction window and the previous score take their bounds from the caller', () => {
    const w = squash(satisfactionWindow('upd.id', 'h.seq < msg.seq', 19));
    expect(w).toContain('WHERE h.conversation_id = upd.id AND h.seq < msg.seq AND NOT h.is_deleted');
    expect(w).toMatch(/ORDER BY h\.seq DESC LIMIT 19\) w\)$/);
    expect(squash(previousScore('m.conversation_id', 'm.seq'))).toContain('(pm.seq IS NULL OR pm.seq < m.seq)');
  });
});
