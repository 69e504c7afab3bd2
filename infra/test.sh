#!/usr/bin/env bash
# The whole test suite from a fresh clone: setup, then unit + integration tests against real services.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
set -a; . ./.env; set +a
pnpm -s typecheck
pnpm exec vitest run "$@"
