// The drill's own PostgreSQL cluster and Redis: it stops and restarts them, so it never touches the
// shared servers. Both live in a temp dir that is removed at the end (DRILL_KEEP_DIR=1 keeps it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

const PG_BIN = process.env.DRILL_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** initdb refuses to run as root: run the cluster as the postgres OS user then. */
function asPostgres(cmd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export class DrillPostgres {
  readonly dataDir: string;
  constructor(
    readonly root: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(root, 'pg');
  }

  url(db = 'clinic_hub_drill'): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${db}`;
  }

  async init(): Promise<void> {
    if (await this.reachable()) throw new Error(`port ${this.port} already has a PostgreSQL: set DRILL_PG_PORT to a free port`);
    asPostgres(path.join(PG_BIN, 'initdb'), ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    await this.start();
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`;
    asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', this.dataDir, '-l', path.join(this.root, 'pg.log'), '-o', opts, '-w', '-t', '60', 'start']);
  }

  /** `pg_ctl stop -m fast`: open connections are cut, as in a failover or a crash of the primary. */
  async stop(): Promise<void> {
    asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  async reachable(): Promise<boolean> {
    return spawnSync(path.join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port), '-t', '1']).status === 0;
  }
}

export class DrillRedis {
  private proc?: ChildProcess;
  readonly dir: string;
  constructor(
    readonly root: string,
    readonly port: number,
  ) {
    this.dir = path.join(root, 'redis');
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    spawnSync('mkdir', ['-p', this.dir]);
    // As the README requires of production: AOF (fsync every second) and noeviction.
    this.proc = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--dir',
        this.dir,
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
        '--logfile',
        path.join(this.root, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (await this.ping()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('drill redis-server did not start');
  }

  async ping(): Promise<boolean> {
    const c = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      // Loading the AOF answers -LOADING: not ready yet.
      return (await c.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      c.disconnect();
    }
  }

  /** `shutdown`: SHUTDOWN (AOF flushed); `kill`: SIGKILL (up to a second of AOF may be lost, as everysec allows). */
  async stop(how: 'shutdown' | 'kill'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    if (how === 'kill') p.kill('SIGKILL');
    else {
      const c = new Redis(this.url, { maxRetriesPerRequest: 0 });
      c.on('error', () => undefined);
      await c.call('SHUTDOWN').catch(() => undefined);
      c.disconnect();
    }
    await exited;
  }
}

export function drillRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hub-drill-'));
  chmodSync(root, 0o755);
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(root, uid, gid);
  }
  return root;
}

export function removeRoot(root: string): void {
  if (!process.env.DRILL_KEEP_DIR) rmSync(root, { recursive: true, force: true });
}
