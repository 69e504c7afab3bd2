// The drill's counting, as pure functions over what the load generator sent, what the database holds
// and what the platform fakes recorded: a drill's verdict comes only from these (self-check: --self-check).

/** One customer message the load generator (acting as the platform) sent. */
export interface SentMessage {
  /** `<messenger account id>|<platform user id>`: one chat at one bot. */
  chat: string;
  /** The platform message id as the hub stores it (messages.messenger_message_id). */
  externalId: string;
  /** Position in the chat's send order. */
  index: number;
  /** Some delivery attempt was answered 200. */
  accepted: boolean;
}

export interface StoredCustomerMessage {
  chat: string;
  externalId: string;
  /** messages.seq: the hub's arrival order, the order staff see. */
  seq: bigint;
  answered: boolean;
}

/** A message of ours (AI, staff, system) the hub meant for the customer. */
export interface ReplyRow {
  chat: string;
  id: string;
  seq: bigint;
  content: string;
  /** messages.messenger_message_ids: every platform id of the reply (one per split part). */
  platformIds: string[];
  status: string;
}

/** One customer-visible message a fake accepted, in the fake's arrival order. */
export interface Delivery {
  chat: string;
  text: string;
  platformId: string;
  /** Arrival position at its fake (chats never span fakes). */
  order: number;
  /** The API that delivered it (sendMessage, reply, push, callback…), for the examples. */
  via?: string;
}

export interface Counts {
  /** Distinct customer messages whose webhook was answered 200. */
  accepted: number;
  /** Sent but never answered 200 before the generator gave up (the platform would drop them). */
  refused: number;
  /** Sent customer messages found in the database (per chat: bot + customer). */
  stored: number;
  /** Stored ones with answered_by_id set (a reply or a recorded handoff). */
  answered: number;
  /** Accepted but not stored, plus stored but not answered. */
  lost: number;
  /** Deliveries at the fakes beyond the hub's reply parts of the same text in the same chat. */
  duplicates: number;
  /** Deliveries that reached a chat after a later reply of the hub's order. */
  outOfOrderReplies: number;
  /** Stored customer messages whose seq order disagrees with the chat's send order. */
  outOfOrderStored: number;
  /** Reply parts (not discarded) that never reached the fake. */
  undelivered: number;
  /** Reply rows by delivery_status. */
  replyStatus: Record<string, number>;
  /** Up to 5 chats per kind of miss, to look into (last-run.json). */
  examples: Record<'lost' | 'duplicates' | 'outOfOrderReplies' | 'outOfOrderStored', string[]>;
}

const key = (chat: string, s: string) => `${chat}\u0000${s}`;

function groupBy<T>(xs: T[], f: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = f(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Count of positions whose rank is below the highest rank seen before them. */
export function inversions(ranks: number[]): number {
  let max = -Infinity;
  let n = 0;
  for (const r of ranks) {
    if (r < max) n++;
    else max = r;
  }
  return n;
}

/**
 * The reply parts of one chat in the hub's order (reply seq, then part): the texts the fake recorded
 * under the reply's platform ids, or the reply's content when the hub recorded no id (not sent yet,
 * failed, or a crash between the platform's answer and the hub's commit).
 */
interface ReplyPart {
  text: string;
  platformId?: string;
}
const norm = (t: string) => t.replace(/\s+/g, '');

function replyParts(replies: ReplyRow[], textById: Map<string, string>): ReplyPart[] {
  const parts: ReplyPart[] = [];
  for (const r of [...replies].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0))) {
    if (r.status === 'discarded') continue;
    if (r.platformIds.length) for (const id of r.platformIds) parts.push({ text: textById.get(id) ?? r.content, platformId: id });
    else parts.push({ text: r.content });
  }
  return parts;
}

export function countDrill(input: { sent: SentMessage[]; stored: StoredCustomerMessage[]; replies: ReplyRow[]; deliveries: Delivery[] }): Counts {
  const { sent, stored, replies, deliveries } = input;
  const examples: Counts['examples'] = { lost: [], duplicates: [], outOfOrderReplies: [], outOfOrderStored: [] };
  const example = (kind: keyof Counts['examples'], chat: string, detail = '') => {
    if (examples[kind].length < 5 && !examples[kind].some((e) => e.startsWith(chat))) examples[kind].push(chat + detail);
  };
  const storedByKey = new Map(stored.map((s) => [key(s.chat, s.externalId), s]));
  const sentByKey = new Map(sent.map((s) => [key(s.chat, s.externalId), s]));
  let storedN = 0;
  let answered = 0;
  let lost = 0;
  for (const s of sent) {
    const row = storedByKey.get(key(s.chat, s.externalId));
    if (row) storedN++;
    if (row?.answered) answered++;
    if ((s.accepted && !row) || (row && !row.answered)) {
      lost++;
      example('lost', s.chat);
    }
  }

  // Stored order: per chat by seq, the send index must only grow.
  let outOfOrderStored = 0;
  for (const rows of groupBy(stored, (s) => s.chat).values()) {
    const ranks = rows
      .sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0))
      .map((r) => sentByKey.get(key(r.chat, r.externalId))?.index)
      .filter((i): i is number => i !== undefined);
    const n = inversions(ranks);
    outOfOrderStored += n;
    if (n) example('outOfOrderStored', rows[0]!.chat, ` sent order by seq: ${ranks.join(',')}`);
  }

  const textById = new Map(deliveries.map((d) => [d.platformId, d.text]));
  const repliesByChat = groupBy(replies, (r) => r.chat);
  const deliveriesByChat = groupBy(deliveries, (d) => d.chat);
  let duplicates = 0;
  let undelivered = 0;
  let outOfOrderReplies = 0;
  for (const chat of new Set([...repliesByChat.keys(), ...deliveriesByChat.keys()])) {
    const parts = replyParts(repliesByChat.get(chat) ?? [], textById);
    const got = [...(deliveriesByChat.get(chat) ?? [])].sort((a, b) => a.order - b.order);
    // Duplicates and misses by text (whitespace ignored: Kakao joins its outputs with newlines): a
    // redelivered part has a new platform id but the same text.
    const expected = new Map<string, number>();
    for (const p of parts) expected.set(norm(p.text), (expected.get(norm(p.text)) ?? 0) + 1);
    const delivered = new Map<string, number>();
    for (const d of got) delivered.set(norm(d.text), (delivered.get(norm(d.text)) ?? 0) + 1);
    // A reply the hub recorded no id for may have gone out split: its content, not delivered whole,
    // explains deliveries that are pieces of it.
    const room = new Map<ReplyPart, number>();
    for (const p of parts) if (!p.platformId && !delivered.has(norm(p.text))) room.set(p, norm(p.text).length);
    for (const [t, n] of delivered) {
      let extra = Math.max(0, n - (expected.get(t) ?? 0));
      for (const [p, left] of room) {
        while (extra > 0 && norm(p.text).includes(t) && (room.get(p) ?? 0) >= t.length) {
          room.set(p, (room.get(p) ?? 0) - t.length);
          extra--;
        }
        if (room.get(p) !== left) expected.set(norm(p.text), (expected.get(norm(p.text)) ?? 1) - 1);
      }
      duplicates += extra;
      if (extra)
        example(
          'duplicates',
          chat,
          ` ${JSON.stringify(t.slice(0, 24))} ×${n} (hub reply parts with it: ${n - extra}) via ${got
            .filter((d) => norm(d.text) === t)
            .map((d) => d.via ?? '?')
            .join(',')}`,
        );
    }
    for (const [t, n] of expected) undelivered += Math.max(0, n - (delivered.get(t) ?? 0));

    // Order: each delivery takes its part by platform id, else the first free part with its text;
    // a delivery left without a part is a duplicate (counted above) and has no rank.
    const rankOfId = new Map<string, number>();
    parts.forEach((p, i) => p.platformId && rankOfId.set(p.platformId, i));
    const taken = new Set<number>();
    const rank = new Map<Delivery, number>();
    for (const d of got) {
      const r = rankOfId.get(d.platformId);
      if (r !== undefined && !taken.has(r)) {
        taken.add(r);
        rank.set(d, r);
      }
    }
    for (const d of got) {
      if (rank.has(d)) continue;
      const r = parts.findIndex((p, i) => !taken.has(i) && p.platformId === undefined && norm(p.text) === norm(d.text));
      if (r >= 0) {
        taken.add(r);
        rank.set(d, r);
      }
    }
    const n = inversions(got.filter((d) => rank.has(d)).map((d) => rank.get(d)!));
    outOfOrderReplies += n;
    if (n)
      example(
        'outOfOrderReplies',
        chat,
        ` hub order as delivered: ${got
          .filter((d) => rank.has(d))
          .map((d) => rank.get(d))
          .join(',')}`,
      );
  }

  const replyStatus: Record<string, number> = {};
  for (const r of replies) replyStatus[r.status] = (replyStatus[r.status] ?? 0) + 1;
  return {
    accepted: sent.filter((s) => s.accepted).length,
    refused: sent.filter((s) => !s.accepted).length,
    stored: storedN,
    answered,
    lost,
    duplicates,
    outOfOrderReplies,
    outOfOrderStored,
    undelivered,
    replyStatus,
    examples,
  };
}

/** A drill passes with nothing lost, refused, duplicated or out of order. */
export function missed(c: Counts): string[] {
  const why: string[] = [];
  if (c.refused) why.push(`${c.refused} never accepted`);
  if (c.lost) why.push(`${c.lost} lost`);
  if (c.duplicates) why.push(`${c.duplicates} duplicates`);
  if (c.outOfOrderReplies) why.push(`${c.outOfOrderReplies} replies out of order`);
  if (c.outOfOrderStored) why.push(`${c.outOfOrderStored} stored out of order`);
  return why;
}
