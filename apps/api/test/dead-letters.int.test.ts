import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeClinic, type Client, type ClinicFixture, type Harness, startApi } from './harness';

let h: Harness;
let a: ClinicFixture;
let supervisor: Client;

beforeAll(async () => {
  h = await startApi();
  a = await makeClinic(h, 'deadletters');
  supervisor = await login(h, a.users.supervisor.email);
});
afterAll(() => h.close());

/** A job that failed for good, in BullMQ's failed set and as the worker records it. */
async function failedSend() {
  const m = await h.db.message.create({
    data: {
      clinicId: a.id,
      conversationId: a.conversationId,
      senderType: 'staff',
      content: '안내드립니다',
      deliveryStatus: 'failed',
      deliveryError: 'blocked',
    },
  });
  const jobId = `send_${m.id}`;
  const job = await h.producers.send.add('send', { clinicId: a.id, messageId: m.id }, { jobId, attempts: 1 });
  // Move it to failed as a worker would: take it with a token and fail it.
  const token = randomUUID();
  const { Worker } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const w = new Worker('send', null, { connection, prefix: h.prefix, autorun: false });
  const taken = await w.getNextJob(token);
  expect(taken?.id).toBe(job.id);
  await taken!.moveToFailed(new Error('blocked: the user blocked the bot'), token, false);
  await w.close();
  connection.disconnect();
  const dl = await h.db.deadLetter.create({
    data: {
      clinicId: a.id,
      queue: 'send',
      jobId,
      jobName: 'send',
      payload: { clinicId: a.id, messageId: m.id },
      error: 'blocked: the user blocked the bot',
      attemptsMade: 1,
    },
  });
  return { m, jobId, dl };
}

describe('dead letters', () => {
  it('lists the clinic’s open dead letters; re-driving retries the kept job and makes the reply sendable again', async () => {
    const { m, jobId, dl } = await failedSend();
    const list = await supervisor.get('/api/dead-letters');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(dl.id);
    expect(list.body.open).toBeGreaterThanOrEqual(2); // the fixture's and this one

    const r = await supervisor.post(`/api/dead-letters/${dl.id}/redrive`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'redriven', redriveCount: 1, redrive: { how: 'retried', jobId } });
    expect(await (await h.producers.send.getJob(jobId))!.getState()).toBe('waiting');
    expect(await h.db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryError: null });
    expect(await h.db.auditLog.count({ where: { entityId: dl.id, action: 'dead_letter.redrive' } })).toBe(1);

    const twice = await supervisor.post(`/api/dead-letters/${dl.id}/redrive`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('not_open');
    expect((await supervisor.get('/api/dead-letters?status=redriven')).body.items.map((x: { id: string }) => x.id)).toContain(dl.id);
  });

  it('a job no longer kept is queued anew with its payload; dismissing closes one', async () => {
    const dl = await h.db.deadLetter.create({
      data: {
        clinicId: a.id,
        queue: 'knowledge-index',
        jobId: `gone_${randomUUID()}`,
        jobName: 'index',
        payload: { clinicId: a.id, sourceType: 'pricing', sourceId: randomUUID() },
        error: 'x',
        attemptsMade: 5,
      },
    });
    const r = await supervisor.post(`/api/dead-letters/${dl.id}/redrive`);
    expect(r.status).toBe(200);
    expect(r.body.redrive.how).toBe('requeued');
    const job = await h.producers.knowledge.getJob(r.body.redrive.jobId);
    expect(job?.data).toEqual(dl.payload);

    const other = await h.db.deadLetter.create({
      data: { clinicId: a.id, queue: 'inbound', jobId: `x_${randomUUID()}`, jobName: 'event', payload: {}, error: 'x', attemptsMade: 8 },
    });
    expect((await supervisor.post(`/api/dead-letters/${other.id}/dismiss`)).body.status).toBe('dismissed');
    expect((await supervisor.get('/api/dead-letters')).body.items.map((x: { id: string }) => x.id)).not.toContain(other.id);
  });

  it('rejects an unknown status filter with a named error', async () => {
    const r = await supervisor.get('/api/dead-letters?status=lost');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('validation_failed');
  });
});
