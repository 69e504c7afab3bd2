import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJobId } from '@hub/queue';
import { login, makeClinic, type Client, type ClinicFixture, type Harness, startApi } from './harness';

let h: Harness;
let a: ClinicFixture;
let staff: Client;
let staff2: Client;
let supervisor: Client;

beforeAll(async () => {
  h = await startApi();
  a = await makeClinic(h, 'takeover');
  staff = await login(h, a.users.staff.email);
  staff2 = await login(h, a.users.staff2.email);
  supervisor = await login(h, a.users.supervisor.email);
});
afterAll(() => h.close());

describe('takeover', () => {
  it('two staff taking the same conversation at once: exactly one wins, the other gets 409 naming the holder', async () => {
    const before = await h.db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } });
    const [r1, r2] = await Promise.all([
      staff.post(`/api/conversations/${a.conversationId}/takeover`),
      staff2.post(`/api/conversations/${a.conversationId}/takeover`),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const winner = r1.status === 200 ? a.users.staff : a.users.staff2;
    const loser = r1.status === 200 ? r2 : r1;
    expect(loser.body).toMatchObject({ error: 'conversation_taken', holder: { id: winner.id, name: winner.name } });
    expect(loser.body.message).toContain(winner.name);

    const after = await h.db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } });
    expect(after).toMatchObject({ aiMode: false, assignedTo: winner.id, version: before.version + 1 });
    const audits = await h.db.auditLog.findMany({ where: { entityId: a.conversationId, action: 'conversation.takeover' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: winner.id, before: { aiMode: true, assignedTo: null }, after: { aiMode: false, assignedTo: winner.id } });

    // Hand it to staff (1) for the rest of the file.
    if (winner.id !== a.users.staff.id) {
      expect((await supervisor.post(`/api/conversations/${a.conversationId}/assign`, { userId: a.users.staff.id })).status).toBe(200);
    }
  });

  it('taking over again is idempotent for the holder', async () => {
    const v = (await h.db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } })).version;
    expect((await staff.post(`/api/conversations/${a.conversationId}/takeover`)).status).toBe(200);
    expect((await h.db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } })).version).toBe(v);
  });

  it('previews a translation without sending', async () => {
    await h.db.medicalTerm.create({ data: { clinicId: a.id, termKo: '울쎄라 시술', termJa: 'ウルセラ施術' } });
    const r = await staff.post(`/api/conversations/${a.conversationId}/translate-preview`, { text: '울쎄라 시술' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ language: 'ja', text: 'ウルセラ施術', translated: true });
    expect(await h.db.message.count({ where: { conversationId: a.conversationId, senderType: 'staff' } })).toBe(0);
  });

  it('the holder replies in Korean: stored with the translation, pending, queued for sending; answers the customer message', async () => {
    const r = await staff.post(`/api/conversations/${a.conversationId}/messages`, { text: '울쎄라 시술' });
    expect(r.status).toBe(201);
    expect(r.body.message).toMatchObject({
      senderType: 'staff',
      original: { text: '울쎄라 시술', language: 'ko' },
      translation: { text: 'ウルセラ施術', language: 'ja' },
      delivery: { status: 'pending' },
    });
    const m = await h.db.message.findUniqueOrThrow({ where: { id: r.body.message.id } });
    expect(m).toMatchObject({
      content: '울쎄라 시술',
      translatedContent: 'ウルセラ施術',
      translatedLanguage: 'ja',
      deliveryStatus: 'pending',
      senderId: a.users.staff.id,
    });
    const job = await h.producers.send.getJob(sendJobId(m.id));
    expect(job?.data).toEqual({ clinicId: a.id, messageId: m.id });
    expect((await h.db.message.findUniqueOrThrow({ where: { id: a.customerMessageId } })).answeredById).toBe(m.id);
  });

  it('an untranslatable reply is refused with the preview unless allowed', async () => {
    const r = await staff.post(`/api/conversations/${a.conversationId}/messages`, { text: '내일 오후 세 시 어떠세요' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ error: 'translation_unavailable', preview: { language: 'ja', translated: false } });
    const edited = await staff.post(`/api/conversations/${a.conversationId}/messages`, {
      text: '내일 오후 세 시 어떠세요',
      translation: '明日の午後3時はいかがですか',
    });
    expect(edited.status).toBe(201);
    expect(edited.body.message.translation.text).toBe('明日の午後3時はいかがですか');
  });

  it('someone else replying to a held conversation gets 409', async () => {
    const r = await staff2.post(`/api/conversations/${a.conversationId}/messages`, { text: '안녕하세요', allowUntranslated: true });
    expect(r.status).toBe(409);
    expect(r.body.holder.id).toBe(a.users.staff.id);
  });

  it('retries a failed message: pending again and a new send job', async () => {
    const r = await staff.post(`/api/conversations/${a.conversationId}/messages/${a.aiMessageId}/retry`);
    expect(r.status).toBe(200);
    expect(r.body.message.delivery).toMatchObject({ status: 'pending', error: null });
    expect((await h.producers.send.getJob(r.body.jobId))?.data).toEqual({ clinicId: a.id, messageId: a.aiMessageId });
    expect((await staff.post(`/api/conversations/${a.conversationId}/messages/${a.aiMessageId}/retry`)).status).toBe(409);
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { entityId: a.aiMessageId, action: 'message.retry' } });
    expect(audit.before).toMatchObject({ deliveryStatus: 'failed' });
  });

  it('hands back to the AI: ai_mode on, version bumped, a turn queued for unanswered customer messages', async () => {
    await h.db.message.create({
      data: { clinicId: a.id, conversationId: a.conversationId, senderType: 'customer', content: 'ありがとう', originalLanguage: 'ja' },
    });
    const before = await h.db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } });
    // Another staff member cannot hand back someone else's conversation.
    expect((await staff2.post(`/api/conversations/${a.conversationId}/handback`)).status).toBe(409);
    const r = await staff.post(`/api/conversations/${a.conversationId}/handback`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ turnQueued: true, conversation: { aiMode: true, status: 'active', version: before.version + 1 } });
    const jobs = await h.producers.turn.getJobs(['delayed', 'waiting']);
    expect(jobs.some((j) => j.data.conversationId === a.conversationId)).toBe(true);
  });

  it('resolve (staff) and archive (supervisor only), each audited from → to', async () => {
    expect((await staff.post(`/api/conversations/${a.conversationId}/resolve`)).body.conversation.status).toBe('resolved');
    expect((await staff.post(`/api/conversations/${a.conversationId}/archive`)).status).toBe(403);
    expect((await supervisor.post(`/api/conversations/${a.conversationId}/archive`)).body.conversation.status).toBe('archived');
    const logs = await supervisor.get(`/api/audit-logs?entityId=${a.conversationId}`);
    expect(logs.status).toBe(200);
    const archived = logs.body.items.find((l: { action: string }) => l.action === 'conversation.archive');
    expect(archived).toMatchObject({ before: { status: 'resolved' }, after: { status: 'archived' }, actor: { id: a.users.supervisor.id } });
    expect((await staff.get('/api/audit-logs')).status).toBe(403);
  });
});

describe('conversations', () => {
  let c: ClinicFixture;
  let s1: Client;
  beforeAll(async () => {
    c = await makeClinic(h, 'convlist');
    s1 = await login(h, c.users.staff.email);
    // 5 more conversations with distinct times and customers.
    const account = c.accountId;
    for (let i = 0; i < 5; i++) {
      const cust = await h.db.customer.create({
        data: {
          clinicId: c.id,
          messengerType: 'telegram',
          messengerUserId: `x-${randomUUID()}`,
          name: i === 0 ? 'Nguyen Van A' : `Cust ${i}`,
          countryCode: i === 0 ? 'VN' : 'JP',
        },
      });
      await h.db.conversation.create({
        data: {
          clinicId: c.id,
          customerId: cust.id,
          messengerAccountId: account,
          lastMessageAt: new Date(Date.now() - (i + 1) * 60_000),
          satisfactionLevel: i === 1 ? 'red' : 'green',
          assignedTo: i === 2 ? c.users.staff.id : null,
          aiMode: i !== 2,
        },
      });
    }
  });

  it('lists newest first with cursor pagination and filters', async () => {
    const p1 = await s1.get('/api/conversations?limit=4');
    expect(p1.status).toBe(200);
    expect(p1.body.items).toHaveLength(4);
    expect(p1.body.items[0].id).toBe(c.conversationId);
    const p2 = await s1.get(`/api/conversations?limit=4&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items).toHaveLength(2);
    expect(p2.body.nextCursor).toBeNull();
    const times = [...p1.body.items, ...p2.body.items].map((x: { lastMessageAt: string }) => Date.parse(x.lastMessageAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    expect((await s1.get('/api/conversations?satisfaction=red')).body.items).toHaveLength(1);
    expect((await s1.get('/api/conversations?assigned=me')).body.items).toHaveLength(1);
    expect((await s1.get('/api/conversations?assigned=unassigned')).body.items).toHaveLength(5);
    expect((await s1.get('/api/conversations?country=VN')).body.items).toHaveLength(1);
    expect((await s1.get('/api/conversations?search=nguyen')).body.items[0].customer.name).toBe('Nguyen Van A');
    expect((await s1.get('/api/conversations?unread=true')).body.items).toHaveLength(1);
    expect((await s1.get('/api/conversations?platform=line')).body.items).toHaveLength(0);
    const bad = await s1.get('/api/conversations?status=nope&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.limit', 'query.status.0']);
  });

  it('shows a conversation with original and translation side by side, AI sources and delivery state', async () => {
    const r = await s1.get(`/api/conversations/${c.conversationId}`);
    expect(r.status).toBe(200);
    const [customerMsg, aiMsg] = r.body.messages;
    expect(customerMsg).toMatchObject({
      senderType: 'customer',
      original: { text: 'ボトックスはいくらですか', language: 'ja' },
      translation: { text: '보톡스는 얼마인가요', language: 'ko' },
    });
    expect(aiMsg).toMatchObject({ senderType: 'ai', delivery: { status: 'failed', error: 'permanent: chat not found' }, aiMetadata: { model: 'local' } });
    expect(aiMsg.knowledgeSources).toHaveLength(1);
    const panel = await s1.get(`/api/conversations/${c.conversationId}/customer`);
    expect(panel.body).toMatchObject({ customer: { id: c.customerId, countryCode: 'JP' }, bookings: [], payments: [] });
  });

  it('marks read', async () => {
    const r = await s1.post(`/api/conversations/${c.conversationId}/read`);
    expect(r.body).toMatchObject({ unreadCount: 0, markedRead: 1 });
    expect((await h.db.conversation.findUniqueOrThrow({ where: { id: c.conversationId } })).unreadCount).toBe(0);
    expect((await h.db.message.findUniqueOrThrow({ where: { id: c.customerMessageId } })).isRead).toBe(true);
  });

  it('satisfaction override: supervisors through the satisfaction package, staff refused; history shows it', async () => {
    const sup = await login(h, c.users.supervisor.email);
    expect((await s1.post(`/api/conversations/${c.conversationId}/satisfaction/override`, { score: 80, note: 'ok' })).status).toBe(403);
    const bad = await sup.post(`/api/conversations/${c.conversationId}/satisfaction/override`, { score: 180 });
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.note', 'body.score']);
    const r = await sup.post(`/api/conversations/${c.conversationId}/satisfaction/override`, { score: 80, note: '실제 불만 아님' });
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ score: 80, level: 'green' });
    const hist = await s1.get(`/api/conversations/${c.conversationId}/satisfaction`);
    expect(hist.body.current).toEqual({ score: 80, level: 'green' });
    expect(hist.body.scores[0]).toMatchObject({ supervisorOverride: 80, supervisorNote: '실제 불만 아님', supervisor: { id: c.users.supervisor.id } });
  });
});
