import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import type { Registry } from 'prom-client';

export type ReadinessCheck = () => Promise<void>;

export interface HealthOptions {
  /** Bearer token a scraper sends for /metrics (METRICS_TOKEN); unset: /metrics is off (404). */
  metricsToken?: string | undefined;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** True when the request carries `Authorization: Bearer <token>`; compared in constant time. */
export function hasBearer(req: Request, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return !!m && timingSafeEqual(sha256(m[1]!), sha256(token));
}

/** /healthz (alive) and /readyz (every dependency answers) open to probes; /metrics (Prometheus text) behind a bearer token. */
export function mountHealth(app: Express, checks: Record<string, ReadinessCheck>, registry: Registry, opts: HealthOptions = {}): void {
  app.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req: Request, res: Response) => {
    const results: Record<string, string> = {};
    let ok = true;
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2000);
          results[name] = 'ok';
        } catch (err) {
          ok = false;
          results[name] = err instanceof Error ? err.message : 'failed';
        }
      }),
    );
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not_ready', checks: results });
  });
  app.get('/metrics', async (req: Request, res: Response) => {
    // Metrics name routes, queues and clinics' traffic: not for the public internet.
    if (!opts.metricsToken) {
      res.status(404).json({ error: 'metrics_disabled', message: 'set METRICS_TOKEN to serve /metrics' });
      return;
    }
    if (!hasBearer(req, opts.metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json({ error: 'unauthorized', message: 'send Authorization: Bearer <METRICS_TOKEN>' });
      return;
    }
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
