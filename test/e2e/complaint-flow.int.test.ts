// The operations story end to end, with the real ingress, worker and API on real PostgreSQL and Redis
// and the fake LINE server: a Japanese customer complains on LINE → the satisfaction score drops to red
// → the supervisor's SSE stream receives the alert → staff take over and reply in Korean → the customer
// receives Japanese at the fake LINE server → the supervisor overrides the score with a note → the audit
// log shows all of it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeySpec } from '@hub/db';
import { startApi, login, PASSWORD, type Harness } from '../../apps/api/test/harness';
import { hashPassword } from '../../apps/api/src/auth/password';
import {
  connectAccount,
  startFakes,
  startIngressInProcess,
  startWorkerInProcess,
  workerEnv,
  postWebhook,
  waitUntil,
  type Fakes,
  type Account,
  type RunningIngress,
  type RunningWorker,
} from '../pipeline/harness';
import { createPipelineClinic } from '../pipeline/clinic.fixture';

const APOLOGY_KO = '불편을 드려 정말 죄송합니다. 담당 실장이 바로 연락드리겠습니다.';
const APOLOGY_JA = '大変ご不便をおかけし、誠に申し訳ございません。担当の室長がすぐにご連絡いたします。';

let api: Harness;
let fakes: Fakes;
let ingress: RunningIngress;
let worker: RunningWorker;
let line: Account;
let clinicId: string;
const users = { supervisor: '', staff: '' };

interface SseEvent {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** Minimal SSE client over fetch (Bearer header), collecting events until closed. */
function subscribe(url: string, token: string) {
  const events: SseEvent[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(`${url}/api/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const chunk = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const field = (name: string) =>
          chunk
            .split('\n')
            .find((l) => l.startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim();
        const data = field('data');
        if (data) events.push({ id: field('id') ?? '', event: field('event') ?? 'message', data: JSON.parse(data) });
      }
    }
  })().catch(() => {});
  return { events, close: () => controller.abort(), done };
}

beforeAll(async () => {
  api = await startApi();
  fakes = await startFakes();
  const clinic = await createPipelineClinic(api.db, '불만테스트');
  clinicId = clinic.clinicId;
  const ph = await hashPassword(PASSWORD);
  for (const role of ['supervisor', 'staff'] as const) {
    const u = await api.db.user.create({
      data: { clinicId, email: `${role}-${clinic.tag}@complaint.test`, name: role === 'staff' ? '김하나' : '박수진', role, passwordHash: ph },
    });
    users[role] = u.email;
  }
  await api.db.responseLibrary.create({
    data: {
      clinicId,
      category: 'foreigner',
      questionKo: '불만 응대',
      answerKo: APOLOGY_KO,
      translations: { ja: { question: '苦情対応', answer: APOLOGY_JA } },
      keywords: ['사과'],
    },
  });
  line = await connectAccount(api.db, api.keyring, fakes, clinicId, 'line', clinic.tag);
  ingress = await startIngressInProcess({ db: api.db, keyring: api.keyring, prefix: api.prefix });
  worker = await startWorkerInProcess({
    db: api.db,
    keyring: api.keyring,
    env: workerEnv({ prefix: api.prefix, keys: generateKeySpec(), fakes, turnDebounceMs: 300 }),
  });
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await ingress?.close();
  await fakes?.close();
  await api?.close();
});

describe('complaint → red → alert → takeover → Japanese reply → override → audit', () => {
  it('runs the whole story', async () => {
    const supervisor = await login(api, users.supervisor);
    const staff = await login(api, users.staff);
    const stream = subscribe(api.url, supervisor.token!);

    const userId = `U${randomUUID().replace(/-/g, '')}`;
    const complaints = [
      '予約したのに1時間以上待たされています。',
      '最悪です！！説明も全然ないし、本当にひどい対応です。',
      'もう二度と来ません。返金してください！！責任者を出してください😡',
    ];
    const t0 = Date.now();
    for (const [i, text] of complaints.entries()) {
      expect(
        await postWebhook(ingress.url, line, [
          { userId, text, messageId: `${Date.now()}${i}`, sentAtMs: t0 + i * 1000, replyToken: randomUUID().replace(/-/g, '') },
        ]),
      ).toBe(200);
      await new Promise((r) => setTimeout(r, 150));
    }

    const conv = await waitUntil(
      'conversation is red',
      async () => {
        const c = await api.db.conversation.findFirst({ where: { clinicId, customer: { messengerUserId: userId } } });
        return c?.satisfactionLevel === 'red' ? c : null;
      },
      20_000,
    );
    expect(conv.satisfactionScore).toBeLessThan(30);

    // The supervisor's live stream got the drop alert (once) and the AI's handoff instead of a guess.
    await waitUntil(
      'SSE alert',
      async () => stream.events.find((e) => e.event === 'alert' && e.data.kind === 'satisfaction_drop' && e.data.level === 'red'),
      10_000,
    );
    const dropAlerts = stream.events.filter((e) => e.event === 'alert' && e.data.kind === 'satisfaction_drop' && e.data.conversationId === conv.id);
    expect(dropAlerts.length).toBeLessThanOrEqual(2); // orange then red at most, never once per message
    await waitUntil('handoff', async () => (await api.db.conversation.findUnique({ where: { id: conv.id } }))?.status === 'waiting', 10_000);
    // Never silent: the customer was told, in Japanese, that a staff member will answer.
    const told = await fakes.line.waitForDelivery((d) => d.recipient === userId, 10_000);
    expect(told.text).toContain('スタッフ');
    expect(fakes.line.delivered.filter((d) => d.recipient === userId)).toHaveLength(1);

    // Staff take over and reply in Korean; the customer receives Japanese.
    const take = await staff.post(`/api/conversations/${conv.id}/takeover`);
    expect(take.status).toBe(200);
    const reply = await staff.post(`/api/conversations/${conv.id}/messages`, { text: APOLOGY_KO });
    expect(reply.status).toBeLessThan(300);
    const delivered = await fakes.line.waitForDelivery((d) => d.recipient === userId && d !== told, 10_000);
    expect(delivered.text).toBe(APOLOGY_JA);
    const stored = await api.db.message.findFirstOrThrow({ where: { conversationId: conv.id, senderType: 'staff' } });
    expect(stored).toMatchObject({ content: APOLOGY_KO, translatedContent: APOLOGY_JA, translatedLanguage: 'ja' });
    await waitUntil('sent', async () => (await api.db.message.findUnique({ where: { id: stored.id } }))?.deliveryStatus === 'sent', 5000);

    // The supervisor overrides the score with a note.
    const override = await supervisor.post(`/api/conversations/${conv.id}/satisfaction/override`, { score: 55, note: '실장님 통화 후 고객 진정됨' });
    expect(override.status).toBe(200);
    const after = await api.db.conversation.findUniqueOrThrow({ where: { id: conv.id } });
    expect(after).toMatchObject({ satisfactionScore: 55, satisfactionLevel: 'yellow' });
    const computed = await api.db.satisfactionScore.findFirstOrThrow({ where: { conversationId: conv.id, supervisorOverride: 55 } });
    expect(computed.score).toBeLessThan(30); // stored beside the computed score, never replacing it

    // The audit log tells the story.
    const audit = await supervisor.get(`/api/audit-logs?entityId=${conv.id}`);
    expect(audit.status).toBe(200);
    const actions = (audit.body.items ?? audit.body.auditLogs ?? audit.body).map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['conversation.handoff', 'conversation.takeover', 'satisfaction.override']));
    const replyAudit = await supervisor.get(`/api/audit-logs?action=message.staff_reply`);
    expect(JSON.stringify(replyAudit.body)).toContain(stored.id);

    stream.close();
  }, 90_000);
});
