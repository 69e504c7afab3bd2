import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A private redis-server on a free port, for tests that stop and restart Redis. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface PrivateRedisOptions {
  /** Keep data across restarts in an append-only file in this directory (appendfsync always). */
  aofDir?: string;
}

export class PrivateRedis {
  private proc?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly options: PrivateRedisOptions = {},
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort(), options);
    await r.start();
    return r;
  }

  async start(): Promise<void> {
    const persistence = this.options.aofDir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.options.aofDir] : ['--appendonly', 'no'];
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    const { Redis } = await import('ioredis');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const c = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await c.connect();
        await c.ping();
        c.disconnect();
        return;
      } catch {
        c.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error('redis-server did not start');
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }
}
