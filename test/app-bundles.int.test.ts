import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../packages/testing/src/support/redis-server';

// `pnpm start` runs ingress and worker as esbuild bundles (infra/build-apps.mjs) with the node options of
// apps/<app>/package.json; these are those bundles, built and started the same way.
describe('production bundles', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  /** Builds the app's bundle, starts it with its node options on a free port, waits for /readyz 200. */
  async function startBundle(app: 'ingress' | 'worker', portVar: string): Promise<{ base: string; ready: Response }> {
    const build = spawnSync(process.execPath, ['infra/build-apps.mjs', app], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const nodeOptions = (JSON.parse(readFileSync(`apps/${app}/package.json`, 'utf8')) as { config: { nodeOptions: string } }).config.nodeOptions;
    const port = await freePort();
    const child = spawn(process.execPath, [`apps/${app}/dist/main.mjs`], {
      env: {
        PATH: process.env.PATH,
        NODE_OPTIONS: nodeOptions,
        DATABASE_URL: process.env.DATABASE_URL,
        REDIS_URL: process.env.REDIS_URL,
        CREDENTIALS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        [portVar]: String(port),
        QUEUE_PREFIX: `bundle-${port}`,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const base = `http://127.0.0.1:${port}`;
    let ready: Response | undefined;
    for (let i = 0; i < 150 && ready?.status !== 200; i++) {
      ready = await fetch(`${base}/readyz`).catch(() => undefined);
      if (ready?.status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready?.status, stderr).toBe(200);
    return { base, ready: ready! };
  }

  it('builds, starts with its heap settings and answers webhooks it cannot verify with 404', async () => {
    const { base } = await startBundle('ingress', 'INGRESS_PORT');
    const res = await fetch(`${base}/webhooks/line/00000000-0000-4000-8000-000000000000`, {
      method: 'POST',
      body: '{"events":[]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'unknown_account' });
  }, 30_000);

  it('the worker bundle builds and becomes ready (Prisma client, BullMQ workers, local AI)', async () => {
    const { ready } = await startBundle('worker', 'WORKER_PORT');
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  }, 40_000);
});
