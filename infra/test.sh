#!/usr/bin/env bash
# The whole test suite from a fresh clone: setup, typecheck, lint (ESLint + Prettier), unit + integration tests against the real
# PostgreSQL and Redis, then the console's browser tests in headless Debian Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
set -a; . ./.env; set +a

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  echo "installing chromium and CJK fonts for the console's browser tests"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  pkgs=(chromium fonts-noto-cjk fonts-noto-color-emoji)
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null 2>&1 ||
    { $sudo_ apt-get update -qq >/dev/null && $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null; }
fi

pnpm -s typecheck
pnpm -s lint
pnpm exec vitest run "$@"
pnpm -s test:e2e
