import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis-server';

const run = promisify(execFile);

/** The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/<major>/bin), or PG_BIN. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const m of majors) if (existsSync(path.join(root, m, 'bin', 'pg_ctl'))) return path.join(root, m, 'bin');
  throw new Error('no PostgreSQL server binaries found (set PG_BIN)');
}

/**
 * A private PostgreSQL cluster in a temporary directory on a free port, started and stopped with the
 * cluster's own commands (initdb, pg_ctl): for tests and drills that stop the database under load
 * without touching the shared server. Runs as the current user; as root, as the postgres user.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/hub`;
  }

  static async create(): Promise<PrivatePostgres> {
    const bin = postgresBinDir();
    const dir = await mkdtemp(path.join(tmpdir(), 'hub-pg-'));
    const pg = new PrivatePostgres(dir, await freePort(), bin);
    if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', dir]);
    await pg.cmd('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await pg.start();
    await pg.cmd('createdb', ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', 'hub']);
    return pg;
  }

  private async cmd(name: string, args: string[]): Promise<string> {
    const exe = path.join(this.bin, name);
    const asRoot = process.getuid?.() === 0;
    const { stdout } = asRoot ? await run('runuser', ['-u', 'postgres', '--', exe, ...args], { cwd: '/' }) : await run(exe, args);
    return stdout;
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=200`;
    await this.cmd('pg_ctl', ['-D', path.join(this.dir, 'data'), '-o', opts, '-l', path.join(this.dir, 'log'), '-w', '-t', '30', 'start']);
  }

  /** `pg_ctl stop -m fast`: open connections are terminated, new ones refused. */
  async stop(): Promise<void> {
    await this.cmd('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
