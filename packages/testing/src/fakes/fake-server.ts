import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** One HTTP request the fake saw, with the platform-level recipient and text decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Decoded recipient (chat_id, `to`, recipient.id, botUserKey) when the call sends a message. */
  recipient?: string;
  /** Decoded message text(s) joined by "\n" when the call sends a message. */
  text?: string;
  /** Status the fake answered. */
  status?: number;
  /** True when the call was accepted as a delivery (not failed, not a duplicate retry). */
  delivered?: boolean;
  /** Injected failure or delay that applied to this request. */
  injected?: boolean;
  at: Date;
}

/** One accepted customer-visible message. */
export interface DeliveredMessage {
  /** Which API delivered it, e.g. `sendMessage`, `reply`, `push`, `messenger`, `instagram`, `whatsapp`, `callback`, `event`. */
  via: string;
  recipient: string;
  text: string;
  /** The platform message id the fake returned. */
  id: string;
  /** Extra protocol fields worth asserting on (messaging_type, tag, retry key…). */
  meta: Record<string, unknown>;
  request: RecordedRequest;
}

/** Make the next `times` matching calls fail (status) or be slow (delayMs), like the real platform would. */
export interface InjectRule {
  /** How many calls this applies to (default 1). */
  times?: number;
  /** HTTP status to answer; omit with `delayMs` for a slow-but-successful call. */
  status?: number;
  /** Response body; defaults to the platform's own error JSON for that status. */
  body?: unknown;
  /** Sent as `Retry-After` and, where the platform has one, in the body (Telegram `parameters.retry_after`). */
  retryAfterSec?: number;
  delayMs?: number;
  /** Only calls whose path matches (substring or RegExp); default: every call except the fake's own control routes. */
  path?: string | RegExp;
}

export interface FakeServer {
  readonly url: string;
  readonly port: number;
  /** Every request, in arrival order. */
  readonly received: RecordedRequest[];
  /** Accepted messages only. */
  readonly delivered: DeliveredMessage[];
  inject(rule: InjectRule): void;
  /** Polls until `predicate` returns a truthy value (returned) or rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Resolves with the first delivered message matching `match` (default: any), waiting up to `timeoutMs`. */
  waitForDelivery(match?: (m: DeliveredMessage) => boolean, timeoutMs?: number): Promise<DeliveredMessage>;
  /** Forgets recorded requests, deliveries and pending injections (registered tokens stay). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Accept any credential instead of only registered ones (for hand runs and load tests). */
  acceptAnyToken?: boolean;
  /** Keep at most this many recorded requests and deliveries (oldest dropped); default unlimited. */
  maxRecorded?: number;
}

export interface FakeContext {
  readonly options: Required<FakeServerOptions>;
  /** The request record for `req` (created by the recorder middleware). */
  record(req: Request): RecordedRequest;
  deliver(req: Request, message: Omit<DeliveredMessage, 'request'>): DeliveredMessage;
  /** Base URL, known once listening (for URLs the fake hands out). */
  url(): string;
}

/**
 * Shared plumbing for the platform fakes: an Express 5 app on 127.0.0.1 that records requests,
 * applies injected failures before the platform routes run, and exposes `/__fake/received`.
 */
export async function startFakeServer(
  name: string,
  options: FakeServerOptions,
  errorBody: (status: number, retryAfterSec: number | undefined) => unknown,
  mount: (app: Express, ctx: FakeContext) => void,
): Promise<FakeServer> {
  const opts: Required<FakeServerOptions> = { host: '127.0.0.1', port: 0, acceptAnyToken: false, maxRecorded: Infinity, ...options };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  const received: RecordedRequest[] = [];
  const delivered: DeliveredMessage[] = [];
  let rules: (InjectRule & { left: number })[] = [];
  const records = new WeakMap<Request, RecordedRequest>();
  let baseUrl = '';

  const ctx: FakeContext = {
    options: opts,
    record(req) {
      let r = records.get(req);
      if (!r) {
        r = {
          method: req.method,
          path: req.path,
          query: { ...(req.query as Record<string, unknown>) },
          headers: { ...req.headers },
          body: req.body,
          at: new Date(),
        };
        records.set(req, r);
        received.push(r);
        if (received.length > opts.maxRecorded) received.shift();
      }
      return r;
    },
    deliver(req, message) {
      const request = ctx.record(req);
      request.delivered = true;
      request.recipient = message.recipient;
      request.text = request.text === undefined ? message.text : `${request.text}\n${message.text}`;
      const m = { ...message, request };
      delivered.push(m);
      if (delivered.length > opts.maxRecorded) delivered.shift();
      return m;
    },
    url: () => baseUrl,
  };

  app.get('/__fake/received', (_req, res) => {
    res.json({ name, received, delivered: delivered.map(({ request: _r, ...m }) => m) });
  });
  app.delete('/__fake/received', (_req, res) => {
    received.length = 0;
    delivered.length = 0;
    res.status(204).end();
  });

  // Bodies: JSON (any content type that says json), urlencoded, anything else as raw bytes.
  app.use(express.json({ limit: '5mb', type: (req) => /json/i.test(String(req.headers['content-type'] ?? '')) }));
  app.use(express.urlencoded({ extended: true, limit: '5mb' }));

  app.use((req: Request, res: Response, next: NextFunction) => {
    const record = ctx.record(req);
    record.body = req.body;
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    const rule = rules.find((r) => r.left > 0 && matches(r.path, req.path));
    if (!rule) return next();
    rule.left -= 1;
    rules = rules.filter((r) => r.left > 0);
    record.injected = true;
    const act = () => {
      if (rule.status === undefined) return next();
      if (rule.retryAfterSec !== undefined) res.setHeader('Retry-After', String(rule.retryAfterSec));
      res.status(rule.status).json(rule.body ?? errorBody(rule.status, rule.retryAfterSec));
    };
    if (rule.delayMs) setTimeout(act, rule.delayMs);
    else act();
  });

  mount(app, ctx);

  app.use((req: Request, res: Response) => {
    res.status(404).json(errorBody(404, undefined));
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${opts.host}:${port}`;

  const waitFor = async <T>(predicate: () => T | undefined | null | false, timeoutMs = 2000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`${name} fake: condition not met within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  return {
    url: baseUrl,
    port,
    received,
    delivered,
    inject(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    waitFor,
    waitForDelivery: (match = () => true, timeoutMs) => waitFor(() => delivered.find(match), timeoutMs),
    reset() {
      received.length = 0;
      delivered.length = 0;
      rules = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function matches(filter: string | RegExp | undefined, path: string): boolean {
  if (path.startsWith('/__fake/')) return false;
  if (filter === undefined) return true;
  return typeof filter === 'string' ? path.includes(filter) : filter.test(path);
}

let counter = 0;
/** Monotonic numeric ids, unique per process. */
export function nextId(): number {
  counter += 1;
  return counter;
}

export function bearerToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}
