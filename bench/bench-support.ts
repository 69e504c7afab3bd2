import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 200 ms; returns a stop() that gives the peak in MB. */
export function sampleRss(pid: number): () => number {
  let peak = rssMb(pid);
  const t = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  return () => {
    clearInterval(t);
    return Math.max(peak, rssMb(pid));
  };
}

const children = new Set<ChildProcess>();
// A crashed benchmark must not leave servers holding its ports.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

export async function startProcess(args: string[], env: NodeJS.ProcessEnv, readyUrl: string, timeoutMs = 30_000): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of each hub process (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // A built bundle (.mjs) runs as production does; TypeScript sources go through tsx.
  const loader = args.some((a) => a.endsWith('.ts')) ? ['--import', 'tsx'] : [];
  const child = spawn('node', [...prof, ...loader, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(readyUrl);
      if (r.status < 500) return child;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not become ready at ${readyUrl}`);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

export const fmt = (n: number, d = 1) => n.toFixed(d);

/** CPU time (user + system, ms) per process group, from /proc: the hub's processes and the services. */
export function cpuByGroup(groups: Record<string, number[]>): Record<string, number> {
  const tick = 1000 / 100; // USER_HZ
  const cpuOf = (pid: number) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      return (Number(rest[11]) + Number(rest[12])) * tick;
    } catch {
      return 0;
    }
  };
  const byName = (name: string) => {
    const pids: number[] = [];
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/comm`, 'utf8').trim().startsWith(name)) pids.push(Number(d));
      } catch {
        /* gone */
      }
    }
    return pids;
  };
  const out: Record<string, number> = {};
  for (const [g, pids] of Object.entries(groups)) out[g] = pids.reduce((a, p) => a + cpuOf(p), 0);
  out.postgres = byName('postgres').reduce((a, p) => a + cpuOf(p), 0);
  out.redis = byName('redis-server').reduce((a, p) => a + cpuOf(p), 0);
  return out;
}

/** The node options an app runs with under `pnpm start` (apps/<app>/package.json config.nodeOptions). */
export function nodeOptionsOf(app: string): string {
  return (JSON.parse(readFileSync(`apps/${app}/package.json`, 'utf8')) as { config?: { nodeOptions?: string } }).config?.nodeOptions ?? '';
}
