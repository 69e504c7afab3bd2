// Side-effect import for command-line tools: loads the repository's .env (written by infra/setup.sh)
// into process.env, so `pnpm hub …` works in a new shell. Variables already set win over the file.
import { existsSync } from 'node:fs';
import path from 'node:path';

function repositoryEnvFile(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return existsSync(path.join(dir, '.env')) ? path.join(dir, '.env') : undefined;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const file = repositoryEnvFile(process.cwd()) ?? repositoryEnvFile(path.dirname(new URL(import.meta.url).pathname));
if (file) {
  const before = { ...process.env };
  process.loadEnvFile(file);
  // loadEnvFile overwrites: the environment the command was started with keeps precedence.
  for (const [k, v] of Object.entries(before)) process.env[k] = v;
}
