import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// Prisma's schema engine, compiled to WebAssembly and driven through the pg driver adapter.
// It is the same engine `prisma migrate deploy` runs, so migrations are generated and recorded
// in _prisma_migrations exactly as Prisma does, without the native binary this machine cannot download.

const require = createRequire(import.meta.url);

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
export const SCHEMA_PATH = path.join(REPO_ROOT, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');

type JsResult<T> = { tag: 'ok'; value: T } | { tag: 'error'; value: string };
export interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: JsResult<string> } }[];
}
export type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] }
  | { tag: 'url'; url: string }
  | ({ tag: 'migrations' } & MigrationList);

interface WasmSchemaEngine {
  diff(p: { from: DiffTarget; to: DiffTarget; script: boolean; exitCode: boolean | null; filters: Filters }): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(p: { migrationsList: MigrationList; filters: Filters }): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}
type Filters = { externalTables: string[]; externalEnums: string[] };
const NO_FILTERS: Filters = { externalTables: [], externalEnums: [] };

let wasmModule: Promise<{ SchemaEngine: { new: (...a: unknown[]) => Promise<WasmSchemaEngine> } }> | undefined;

async function loadWasm() {
  wasmModule ??= (async () => {
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bg = await import(path.join(dir, 'schema_engine_bg.js'));
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
      './schema_engine_bg.js': bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return wasmModule;
}

export class SchemaEngineSession {
  private constructor(
    private readonly engine: WasmSchemaEngine,
    private readonly adapter: PrismaPg,
  ) {}

  static async open(databaseUrl: string, schemaPath = SCHEMA_PATH): Promise<SchemaEngineSession> {
    const { SchemaEngine } = await loadWasm();
    const adapter = new PrismaPg({ connectionString: databaseUrl });
    const content = readFileSync(schemaPath, 'utf8');
    const logs: string[] = [];
    const engine = await SchemaEngine.new(
      { datamodels: [[path.basename(schemaPath), content]] },
      (msg: string) => logs.push(msg),
      bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(adapter)),
    );
    return new SchemaEngineSession(engine, adapter);
  }

  async diff(from: DiffTarget, to: DiffTarget): Promise<string> {
    const r = await this.engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTERS });
    return r.stdout;
  }

  async applyMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
    const r = await this.engine.applyMigrations({ migrationsList: readMigrationList(dir), filters: NO_FILTERS });
    return r.appliedMigrationNames;
  }

  close(): void {
    this.engine.free();
  }
}

type PgConn = Awaited<ReturnType<PrismaPg['connect']>>;

// @prisma/adapter-pg's executeScript splits a migration on every ';', which breaks function bodies
// ($$ ... $$) and runs statements outside one round trip. PostgreSQL's simple query protocol takes
// the whole script at once, as Prisma's native engine sends it; do that instead.
function wholeScriptAdapter(factory: PrismaPg): PrismaPg {
  const patch = <T extends PgConn>(conn: T): T => {
    const client = conn.underlyingDriver() as unknown as { query(sql: string): Promise<unknown> };
    conn.executeScript = async (script: string) => {
      await client.query(script);
    };
    return conn;
  };
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => patch(await target.connect());
      if (prop === 'connectToShadowDb') return async () => patch(await target.connectToShadowDb());
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export function schemaTarget(schemaPath = SCHEMA_PATH): DiffTarget {
  return { tag: 'schemaDatamodel', files: [{ path: path.basename(schemaPath), content: readFileSync(schemaPath, 'utf8') }] };
}

export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => statSync(path.join(dir, n)).isDirectory())
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      const content: JsResult<string> = existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `${file} is missing` };
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  };
}
