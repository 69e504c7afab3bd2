#!/usr/bin/env bash
# Everything both `pnpm up` and `pnpm test:all` need on a fresh machine with Node and apt:
# pnpm + dependencies, PostgreSQL with pgvector and Redis, the Prisma client, migrations, a .env.
set -euo pipefail
cd "$(dirname "$0")/.."

need_major=20; need_minor=19
ver=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
IFS=. read -r major minor _ <<<"$ver"
if [ "$major" -lt "$need_major" ] || { [ "$major" -eq "$need_major" ] && [ "$minor" -lt "$need_minor" ]; }; then
  echo "setup: Node.js >= ${need_major}.${need_minor} is required (found ${ver})" >&2
  exit 1
fi

command -v pnpm >/dev/null 2>&1 || { echo "installing pnpm 10.34.9"; npm i -g pnpm@10.34.9 >/dev/null; }
pnpm install --frozen-lockfile --reporter=silent

bash infra/services.sh

# Prisma 7's `generate` parses the schema with WebAssembly and needs no engine, but it insists the
# schema-engine binary exists: point it at any file instead of letting it download (no internet here).
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/package.json}"
pnpm exec prisma generate >/dev/null

bash infra/env-file.sh .
set -a; . ./.env; set +a
pnpm -s db:migrate
pnpm -s alerts:vapid --replace-undecryptable
