// http_ece ships no types and packages importing this file by path do not include its folder: reference the declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./http-ece.d.ts" />
import { createECDH, randomBytes } from 'node:crypto';
import { decrypt } from 'http_ece';
import express from 'express';
import { Webhook } from 'standardwebhooks';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

interface Received<T> {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  at: Date;
}

interface Receiver<T> {
  readonly url: string;
  readonly received: Received<T>[];
  /** Answer the next `times` requests with `status` (a dead channel, a flaky one). */
  failNext(status: number, times?: number, body?: string): void;
  waitFor(pred: (r: Received<T>) => boolean, timeoutMs?: number): Promise<Received<T>>;
  close(): Promise<void>;
}

async function startReceiver<T>(handle: (req: express.Request, raw: Buffer) => { status: number; body?: string; record?: T }): Promise<Receiver<T>> {
  const received: Received<T>[] = [];
  const waiters = new Set<() => void>();
  const failures: { status: number; times: number; body?: string }[] = [];
  const app = express();
  // The raw bytes, whatever Content-Encoding says (a push body is aes128gcm, which body parsers refuse).
  app.use((req, _res, next) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      req.body = Buffer.concat(chunks);
      next();
    });
  });
  app.all('/{*path}', (req, res) => {
    const f = failures[0];
    if (f) {
      if (--f.times <= 0) failures.shift();
      res.status(f.status).send(f.body ?? '');
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const out = handle(req, raw);
    if (out.record !== undefined) {
      received.push({ path: req.path, headers: req.headers, body: out.record, at: new Date() });
      for (const w of waiters) w();
    }
    res.status(out.status).send(out.body ?? '');
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    failNext: (status, times = 1, body) => failures.push({ status, times, body }),
    waitFor(pred, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const r = received.find(pred);
          if (r) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(r);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`nothing matching within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface PushMessage {
  subscription: string;
  ttl: string | undefined;
  urgency: string | undefined;
  vapid: string | undefined;
  payload: Record<string, unknown>;
}

export type PushFake = Receiver<PushMessage> & {
  /** A browser's subscription (keys made here): register it with the hub, read what arrives decrypted. */
  subscribe(name?: string): { endpoint: string; keys: { p256dh: string; auth: string } };
};

/**
 * A Web Push service endpoint that holds the browser's keys: it decrypts each message (RFC 8291,
 * aes128gcm, with http_ece) and answers 201 as push services do; an unknown subscription gets 410.
 */
export async function startPushFake(): Promise<PushFake> {
  const subs = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const r = await startReceiver<PushMessage>((req, raw) => {
    const name = req.path.replace(/^\/push\//, '');
    const sub = subs.get(name);
    if (!sub) return { status: 410, body: 'gone' };
    if (req.headers['content-encoding'] !== 'aes128gcm') return { status: 400, body: 'content-encoding must be aes128gcm' };
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(decrypt(raw, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth }).toString('utf8'));
    } catch (err) {
      return { status: 400, body: `cannot decrypt: ${(err as Error).message}` };
    }
    return {
      status: 201,
      record: {
        subscription: name,
        ttl: req.headers.ttl as string | undefined,
        urgency: req.headers.urgency as string | undefined,
        vapid: req.headers.authorization,
        payload,
      },
    };
  });
  return Object.assign(r, {
    subscribe(name = randomBytes(6).toString('hex')) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subs.set(name, { ecdh, auth });
      return { endpoint: `${r.url}/push/${name}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
    },
  });
}

/** A Slack incoming-webhook receiver: `ok` for a JSON body with text, 400 `invalid_payload` otherwise. */
export async function startSlackFake(): Promise<Receiver<{ text: string; blocks?: unknown[] }>> {
  return startReceiver((_req, raw) => {
    try {
      const body = JSON.parse(raw.toString('utf8')) as { text?: unknown; blocks?: unknown[] };
      if (typeof body.text !== 'string' || !body.text) return { status: 400, body: 'no_text' };
      return { status: 200, body: 'ok', record: { text: body.text, blocks: body.blocks } };
    } catch {
      return { status: 400, body: 'invalid_payload' };
    }
  });
}

/** A Standard Webhooks receiver that verifies each signature with the shared secret (401 when it fails). */
export async function startSignedWebhookFake(secret: string): Promise<Receiver<{ id: string; payload: Record<string, unknown> }>> {
  const wh = new Webhook(secret);
  return startReceiver((req, raw) => {
    try {
      const payload = wh.verify(raw.toString('utf8'), req.headers as Record<string, string>) as Record<string, unknown>;
      return { status: 204, record: { id: String(req.headers['webhook-id']), payload } };
    } catch {
      return { status: 401, body: 'bad signature' };
    }
  });
}
