import { randomUUID } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import { isUuid, type ResolvedAccount } from '@hub/db/messenger-accounts';
import { isInfrastructureError } from '@hub/db/infra-errors';
import { AppError, kindOfStatus } from '@hub/contracts';
// The registry loads no outbound SDK (telegraf, LINE): each platform's sender is imported on first use.
import { platformOf } from '@hub/messengers/platforms';
import { WebhookParseError, PLATFORMS, type InboundEvent, type Platform } from '@hub/messengers/types';
import type { Producers } from '@hub/queue';
import { MAX_JSON_DEPTH, jsonTooDeep, mountHealth, type Logger, type ReadinessCheck } from '@hub/observability';
import { createIngressMetrics, type IngressMetrics } from './ingress.metrics';

export interface AccountLookup {
  get(accountId: string): Promise<ResolvedAccount | null>;
}

export interface IngressDeps {
  accounts: AccountLookup;
  producers: Pick<Producers, 'addInbound'>;
  logger: Logger;
  registry: Registry;
  readiness: Record<string, ReadinessCheck>;
  /** /metrics needs this bearer token; unset: /metrics is off. */
  metricsToken?: string | undefined;
}

/** A webhook refused: body `{ error: reason, message, details? }` (platforms and tools read `error`). */
class HttpError extends AppError {
  constructor(status: number, reason: string, message: string, details?: unknown) {
    super({ kind: kindOfStatus(status), code: reason, message, userMessage: message, status, ...(details ? { details: { details } } : {}) });
    this.name = 'HttpError';
  }

  /** The metric label and the body's `error`. */
  get reason(): string {
    return this.code;
  }
}

/**
 * The webhook receiver does five things, in this order: capture raw bytes, resolve the account from
 * the path, verify the signature over those bytes in constant time, enqueue each event under a
 * deterministic job id, answer. 200 only after Redis accepted every job.
 */
export function createIngressApp(deps: IngressDeps): { app: Express; metrics: IngressMetrics } {
  const { accounts, producers, logger, registry } = deps;
  const metrics = createIngressMetrics(registry);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  mountHealth(app, deps.readiness, registry, { metricsToken: deps.metricsToken });

  const reject = (res: Response, platform: string, err: HttpError, requestId: string) => {
    metrics.rejections.inc({ platform, reason: err.reason });
    logger.warn({ platform, reason: err.reason, status: err.status, requestId }, 'webhook rejected');
    res.status(err.status).json(err.toBody());
  };

  // Validated secrets per cached account object: the account cache hands out the same object until its
  // TTL expires (a credential rotation brings a new object), so each one is validated once, not per request.
  const secretsOf = new WeakMap<ResolvedAccount, { ok: true; data: unknown } | { ok: false }>();

  async function resolve(platform: Platform, accountId: string | undefined) {
    if (!accountId || !isUuid(accountId)) throw new HttpError(404, 'unknown_account', 'no messenger account with this id');
    const account = await accounts.get(accountId);
    if (!account || account.platform !== platform) throw new HttpError(404, 'unknown_account', 'no messenger account with this id');
    if (!account.isActive) throw new HttpError(404, 'inactive_account', 'this messenger account is inactive');
    const adapter = platformOf(platform).inbound;
    let secrets = secretsOf.get(account);
    if (!secrets) {
      const r = adapter.secretsSchema.safeParse(account.credentials);
      secrets = r.success ? { ok: true, data: r.data } : { ok: false };
      secretsOf.set(account, secrets);
    }
    if (!secrets.ok) throw new HttpError(409, 'account_misconfigured', 'this messenger account lacks the secrets needed to verify webhooks');
    return { account, adapter, secrets: secrets.data };
  }

  for (const platform of PLATFORMS) {
    const { inbound: adapter, handshake, acknowledge } = platformOf(platform);
    const raw = express.raw({ type: () => true, limit: adapter.bodyLimit });

    if (handshake) {
      app.get(`/webhooks/${platform}/:accountId`, async (req: Request, res: Response) => {
        const requestId = requestIdOf(req);
        try {
          const { secrets } = await resolve(platform, req.params.accountId as string);
          const challenge = handshake(req.query as Record<string, string>, secrets);
          if (challenge === null) throw new HttpError(403, 'bad_verify_token', 'hub.mode must be subscribe and hub.verify_token must match');
          res.status(200).type('text/plain').send(challenge);
        } catch (err) {
          if (err instanceof HttpError) return reject(res, platform, err, requestId);
          throw err;
        }
      });
    }

    app.post(
      `/webhooks/${platform}/:accountId`,
      (req, res, next) => {
        raw(req, res, (err?: unknown) => {
          if (!err) return next();
          const e = err as { status?: number; type?: string; message?: string };
          const status = e.status ?? 400;
          const reason = e.type === 'entity.too.large' ? 'body_too_large' : 'bad_body';
          reject(res, platform, new HttpError(status, reason, e.message ?? 'could not read the request body'), requestIdOf(req));
        });
      },
      async (req: Request, res: Response) => {
        const started = process.hrtime.bigint();
        const requestId = requestIdOf(req);
        let status = 200;
        try {
          const { account, adapter: a, secrets } = await resolve(platform, req.params.accountId as string);
          const rawBody: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          if (!a.verify({ rawBody, headers: req.headers }, secrets)) throw new HttpError(401, 'bad_signature', 'signature missing or invalid');
          // Checked on the bytes before parsing: deeper nesting would overflow the stack later (a 503 the
          // platform retries forever); 400 tells it to stop.
          if (jsonTooDeep(rawBody)) throw new HttpError(400, 'json_too_deep', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
          let body: unknown;
          try {
            body = JSON.parse(rawBody.toString('utf8'));
          } catch {
            throw new HttpError(400, 'malformed_json', 'request body is not valid JSON');
          }
          if (a.verifyParsed && !a.verifyParsed(body, secrets)) throw new HttpError(401, 'bad_signature', 'bot id does not match this account');
          let parsed;
          try {
            parsed = a.parse(body, { clinicId: account.clinicId, accountId: account.id }, secrets);
          } catch (err) {
            if (err instanceof WebhookParseError) throw new HttpError(400, 'unsupported_shape', err.message, err.issues);
            throw err;
          }
          for (const ig of parsed.ignored) metrics.ignored.inc({ platform, reason: ig.reason });

          try {
            await enqueueAll(parsed.events, account, requestId);
          } catch (err) {
            logger.error({ platform, requestId, err }, 'queue unavailable');
            throw new HttpError(503, 'queue_unavailable', 'the event could not be stored; retry later');
          }

          // The hot path answers through Node's own response API (Express's res.json adds content
          // negotiation and header bookkeeping this fixed JSON answer does not need).
          const payload = JSON.stringify(acknowledge ? acknowledge(parsed.events) : { ok: true, events: parsed.events.length });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) }).end(payload);
        } catch (err) {
          if (err instanceof HttpError) {
            status = err.status;
            reject(res, platform, err, requestId);
          } else if (isInfrastructureError(err)) {
            // PostgreSQL (account lookup) or Redis unreachable: nothing was accepted; the platform retries.
            status = 503;
            logger.warn({ platform, requestId, err }, 'ingress dependency unavailable');
            res.status(503).json({ error: 'unavailable', message: 'the hub cannot take this event right now; retry later' });
          } else {
            status = 500;
            logger.error({ platform, requestId, err }, 'ingress failure');
            res.status(500).json({ error: 'internal', message: 'unexpected error' });
          }
        } finally {
          metrics.requests.inc({ platform, status: String(status) });
          metrics.latency.observe({ platform }, Number(process.hrtime.bigint() - started) / 1e9);
        }
      },
    );
  }

  async function enqueueAll(events: InboundEvent[], account: ResolvedAccount, requestId: string) {
    const receivedAt = new Date().toISOString();
    const results = await Promise.all(
      events.map((event) =>
        producers.addInbound(
          { clinicId: account.clinicId, accountId: account.id, requestId, receivedAt, event: event as unknown as Record<string, unknown> },
          event.externalMessageId,
        ),
      ),
    );
    results.forEach((r, i) => {
      const platform = events[i]!.platform;
      if (r.duplicate) metrics.duplicates.inc({ platform });
      else metrics.enqueued.inc({ platform, kind: events[i]!.kind });
    });
  }

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', message: `no route ${req.method} ${req.path}` });
  });

  return { app, metrics };
}

function requestIdOf(req: Request): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && h.length > 0 && h.length <= 100 ? h : randomUUID();
}
