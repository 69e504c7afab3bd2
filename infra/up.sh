#!/usr/bin/env bash
# One command on a fresh machine: set everything up, load the demo clinic, run the hub.
#   ingress  http://127.0.0.1:3001  (webhooks)
#   api      http://127.0.0.1:3000  (operations API + staff console)
#   worker   http://127.0.0.1:3002  (health/metrics only)
# HUB_FAKE_PLATFORMS=1 (default here, where Telegram/LINE/Meta/Kakao are unreachable) also starts local
# fake platform servers and points the worker at them; set HUB_FAKE_PLATFORMS=0 to use the real APIs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
set -a; . ./.env; set +a
pnpm -s db:seed
pnpm -s knowledge:reindex
if [ -f apps/console/package.json ] && grep -q '"build"' apps/console/package.json; then
  pnpm --filter @hub/console -s build >/dev/null && echo "console built"
fi

mkdir -p var/log
pids=()
cleanup() { trap - EXIT INT TERM; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Each service is started as the node process itself (no pnpm wrapper), so stopping the hub stops it.
start() { # name, command...
  local name=$1; shift
  "$@" >"var/log/$name.log" 2>&1 &
  pids+=($!)
}

if [ "${HUB_FAKE_PLATFORMS:-1}" = 1 ]; then
  start fakes node --import tsx packages/testing/src/fakes/run-fakes.ts
  export TELEGRAM_API_ROOT=http://127.0.0.1:4101 LINE_API_BASE_URL=http://127.0.0.1:4102 LINE_DATA_API_BASE_URL=http://127.0.0.1:4102 \
    META_GRAPH_API_BASE_URL=http://127.0.0.1:4103 KAKAO_BOT_API_BASE_URL=http://127.0.0.1:4104
fi
# Ingress and worker run as bundles with their V8 settings (apps/<app>/package.json config.nodeOptions).
node infra/build-apps.mjs ingress worker
node_options() { node -p "require('./apps/$1/package.json').config.nodeOptions"; }
start ingress env NODE_OPTIONS="$(node_options ingress)" node apps/ingress/dist/main.mjs
start worker env NODE_OPTIONS="$(node_options worker)" node apps/worker/dist/main.mjs
start api node --import tsx apps/api/src/main.ts

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS "$2" >/dev/null 2>&1; then echo "$1 ready: $2"; return 0; fi
    sleep 0.5
  done
  echo "$1 did not become ready; see var/log/$1.log" >&2
  tail -n 20 "var/log/$1.log" >&2 || true
  return 1
}
wait_ready ingress http://127.0.0.1:${INGRESS_PORT:-3001}/readyz
wait_ready worker http://127.0.0.1:${WORKER_PORT:-3002}/readyz
wait_ready api http://127.0.0.1:${API_PORT:-3000}/readyz

cat <<MSG

Clinic hub is running with the demo clinic 데이뷰의원 (daybeauclinic). Logs: var/log/*.log
  Console / API : http://127.0.0.1:${API_PORT:-3000}/   (staff1@daybeau.kr, supervisor@daybeau.kr, admin@daybeau.kr; password demo-clinic-2026)
  Webhooks      : http://127.0.0.1:${INGRESS_PORT:-3001}/webhooks/<platform>/<accountId>
  Demo accounts : pnpm hub demo:accounts   (ids, webhook URLs and secrets as JSON)
Ctrl-C stops everything.
MSG
wait -n "${pids[@]}"
echo "a process exited; stopping the hub" >&2
