// The real hub for browser tests: a dedicated database (dropped, migrated and seeded each run), its own
// Redis database index, the LINE fake in this process, and ingress, worker and API as child processes
// started exactly as in production (`node --import tsx apps/<app>/src/main.ts`). The API serves the
// console built from this checkout.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, Keyring, type Db } from '@hub/db';
import { prepareTestDatabase } from '@hub/db/testing/prepare-test-database';
import { seedDemo, type DemoSummary } from '@hub/db/seed/seed';
import { startLineFake, type LineFake } from '@hub/testing/fakes/index';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CONSOLE_DIR = path.join(REPO_ROOT, 'apps/console');
export const ARTIFACTS = path.join(CONSOLE_DIR, 'e2e/artifacts');
const LOG_DIR = path.join(REPO_ROOT, 'var/e2e');

export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub_e2e';
/** A Redis database of its own, so no other worker on this Redis ever takes our jobs (and the API has no prefix setting). */
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/7';

export interface Stack {
  apiUrl: string;
  ingressUrl: string;
  db: Db;
  keyring: Keyring;
  demo: DemoSummary;
  line: LineFake | null;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Only the API (perf runs need no ingress, worker or platform fakes). */
  apiOnly?: boolean;
  /** Rebuild apps/console/dist first (default true). */
  build?: boolean;
  /** Extra environment for the api and the worker. */
  env?: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(name: string, url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see var/e2e/${name}.log`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not ready at ${url} after ${timeoutMs} ms; see var/e2e/${name}.log`);
}

function startApp(name: 'api' | 'worker' | 'ingress', env: Record<string, string>): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', `apps/${name}/src/main.ts`], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Drops and recreates the e2e database, applies the migrations with Prisma's schema engine, seeds the demo. */
export async function freshDatabase(keyring: Keyring, publicBaseUrl: string): Promise<{ db: Db; demo: DemoSummary }> {
  const admin = new URL(E2E_DATABASE_URL);
  const name = admin.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('e2e')) throw new Error(`refusing to drop "${name}": the e2e database name must contain "e2e"`);
  admin.pathname = '/postgres';
  const root = createDb(admin.toString(), { max: 1 });
  try {
    await root.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await root.$disconnect();
  }
  await prepareTestDatabase(E2E_DATABASE_URL);
  const db = createDb(E2E_DATABASE_URL, { max: 4 });
  const demo = await seedDemo(db, keyring, { publicBaseUrl });
  return { db, demo };
}

export function buildConsole(): void {
  const r = spawnSync(process.execPath, [path.join(CONSOLE_DIR, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: CONSOLE_DIR,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('console build failed');
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  if (opts.build !== false) buildConsole();
  const [apiPort, ingressPort, workerPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const ingressUrl = `http://127.0.0.1:${ingressPort}`;
  const keys = `e2e1:${randomBytes(32).toString('base64')}`;
  const keyring = new Keyring(keys);
  const { db, demo } = await freshDatabase(keyring, ingressUrl);
  const line = opts.apiOnly ? null : await startLineFake({ host: '127.0.0.1', port: 0, acceptAnyToken: true });

  const common: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: E2E_DATABASE_URL,
    REDIS_URL: E2E_REDIS_URL,
    CREDENTIALS_ENCRYPTION_KEYS: keys,
    PUBLIC_BASE_URL: ingressUrl,
    AI_PROVIDER: 'local',
    ...(line ? { LINE_API_BASE_URL: line.url, LINE_DATA_API_BASE_URL: line.url } : {}),
    MEDIA_STORAGE_DIR: path.join(LOG_DIR, 'media'),
    // Alert links point at the console the api serves.
    ALERT_CONSOLE_URL: apiUrl,
    ALERT_POLL_MS: '200',
    ...opts.env,
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await line?.close();
    await db.$disconnect();
  };
  try {
    // Whatever a previous run left in our Redis database (queued jobs, live streams) goes first.
    await flushRedis(E2E_REDIS_URL);
    const api = startApp('api', {
      ...common,
      API_PORT: String(apiPort),
      JWT_SECRET: randomBytes(32).toString('hex'),
      CONSOLE_ORIGIN: apiUrl,
      CONSOLE_DIST_DIR: path.join(CONSOLE_DIR, 'dist'),
      API_RATE_LIMIT_PER_MINUTE: '5000',
      LOGIN_RATE_LIMIT_PER_15MIN: '200',
      TURN_DEBOUNCE_MS: '200',
    });
    children.push(api);
    const waits = [waitReady('api', `${apiUrl}/readyz`, api)];
    if (!opts.apiOnly) {
      const ingress = startApp('ingress', { ...common, INGRESS_PORT: String(ingressPort) });
      const worker = startApp('worker', {
        ...common,
        WORKER_PORT: String(workerPort),
        TURN_DEBOUNCE_MS: '200',
        SUMMARY_DEBOUNCE_MS: '300',
        WORKER_CONCURRENCY: '8',
      });
      children.push(ingress, worker);
      waits.push(waitReady('ingress', `${ingressUrl}/readyz`, ingress), waitReady('worker', `http://127.0.0.1:${workerPort}/readyz`, worker));
    }
    await Promise.all(waits);
  } catch (err) {
    await stop();
    throw err;
  }
  return { apiUrl, ingressUrl, db, keyring, demo, line, stop };
}

async function flushRedis(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await r.connect();
  await r.flushdb();
  r.disconnect();
}
