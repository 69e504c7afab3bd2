// Synthetic cases for the counting: a clean record counts clean, and each injected fault (a duplicate
// delivery, a reordering, a lost message, a split reply) moves exactly the counter it should.
import { countDrill, type Counts, type Delivery, type ReplyRow, type SentMessage, type StoredCustomerMessage } from './counting';

function clean() {
  const chat = 'acc|u1';
  const sent: SentMessage[] = [0, 1, 2].map((i) => ({ chat, externalId: `m${i}`, index: i, accepted: true }));
  const stored: StoredCustomerMessage[] = [0, 1, 2].map((i) => ({ chat, externalId: `m${i}`, seq: BigInt(10 + i), answered: true }));
  // Replies 2 and 3 share a text (the local consultant answers a repeated question the same way);
  // reply 4 is long and went out as two platform messages.
  const replies: ReplyRow[] = [
    { chat, id: 'r1', seq: 11n, content: 'A', platformIds: ['p1'], status: 'sent' },
    { chat, id: 'r2', seq: 13n, content: 'B', platformIds: ['p2'], status: 'sent' },
    { chat, id: 'r3', seq: 15n, content: 'B', platformIds: ['p3'], status: 'sent' },
    { chat, id: 'r4', seq: 17n, content: 'C1C2', platformIds: ['p4', 'p5'], status: 'sent' },
  ];
  const deliveries: Delivery[] = [
    { chat, text: 'A', platformId: 'p1', order: 0 },
    { chat, text: 'B', platformId: 'p2', order: 1 },
    { chat, text: 'B', platformId: 'p3', order: 2 },
    { chat, text: 'C1', platformId: 'p4', order: 3 },
    { chat, text: 'C2', platformId: 'p5', order: 4 },
    // Another chat's delivery with the same text is no duplicate here.
    { chat: 'acc|u2', text: 'A', platformId: 'q1', order: 5 },
  ];
  const otherReplies: ReplyRow[] = [{ chat: 'acc|u2', id: 'q', seq: 20n, content: 'A', platformIds: ['q1'], status: 'sent' }];
  return { sent, stored, replies: [...replies, ...otherReplies], deliveries };
}

type Case = { name: string; mutate: (x: ReturnType<typeof clean>) => void; expect: Partial<Counts> };

const cases: Case[] = [
  {
    name: 'clean record',
    mutate: () => undefined,
    expect: { accepted: 3, stored: 3, answered: 3, lost: 0, duplicates: 0, outOfOrderReplies: 0, outOfOrderStored: 0, undelivered: 0 },
  },
  {
    name: 'a reply resent after a crash (new platform id, same text)',
    mutate: (x) => x.deliveries.push({ chat: 'acc|u1', text: 'A', platformId: 'p9', order: 6 }),
    expect: { duplicates: 1, outOfOrderReplies: 0 },
  },
  {
    name: 'one part of a split reply delivered twice',
    mutate: (x) => x.deliveries.push({ chat: 'acc|u1', text: 'C2', platformId: 'p10', order: 7 }),
    expect: { duplicates: 1 },
  },
  {
    name: 'two replies swapped at the platform',
    mutate: (x) => {
      x.deliveries[0]!.order = 1;
      x.deliveries[1]!.order = 0;
    },
    expect: { duplicates: 0, outOfOrderReplies: 1 },
  },
  {
    name: 'a reply the hub recorded no id for, delivered after a later one',
    mutate: (x) => {
      x.replies[0]!.platformIds = [];
      x.deliveries[0]!.order = 10;
    },
    expect: { duplicates: 0, outOfOrderReplies: 1 },
  },
  {
    name: 'a long reply without recorded ids that went out in two pieces',
    mutate: (x) => {
      x.replies[3]!.platformIds = [];
      x.replies[3]!.content = 'C1 C2';
    },
    expect: { duplicates: 0, undelivered: 0 },
  },
  {
    name: 'that reply delivered whole and then again in pieces',
    mutate: (x) => {
      x.replies[3]!.platformIds = [];
      x.replies[3]!.content = 'C1 C2';
      x.deliveries.push({ chat: 'acc|u1', text: 'C1\nC2', platformId: 'p11', order: 8 });
    },
    expect: { duplicates: 2 },
  },
  {
    name: 'customer messages stored in the wrong order',
    mutate: (x) => {
      x.stored[0]!.seq = 99n;
    },
    expect: { outOfOrderStored: 1 },
  },
  {
    name: 'an accepted message never stored',
    mutate: (x) => x.stored.pop(),
    expect: { stored: 2, lost: 1 },
  },
  {
    name: 'a stored message never answered',
    mutate: (x) => (x.stored[1]!.answered = false),
    expect: { answered: 2, lost: 1 },
  },
  {
    name: 'a reply that never reached the platform',
    mutate: (x) => x.deliveries.splice(1, 1),
    expect: { undelivered: 1, duplicates: 0 },
  },
  {
    name: 'a webhook never accepted',
    mutate: (x) => (x.sent[2]!.accepted = false),
    expect: { accepted: 2, refused: 1 },
  },
];

/** Runs every case; returns what went wrong (empty = the counting detects each injected fault). */
export function selfCheckCounting(): string[] {
  const problems: string[] = [];
  for (const c of cases) {
    const x = clean();
    c.mutate(x);
    const got = countDrill(x);
    for (const [k, v] of Object.entries(c.expect)) {
      if (got[k as keyof Counts] !== v) problems.push(`${c.name}: ${k} = ${JSON.stringify(got[k as keyof Counts])}, expected ${v}`);
    }
  }
  return problems;
}
