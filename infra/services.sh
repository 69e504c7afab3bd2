#!/usr/bin/env bash
# Makes PostgreSQL (with pgvector) and Redis available on 127.0.0.1 for development and CI.
# Idempotent; prints one line per action it had to take, then "services ready".
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_PORT=6379
DATABASES=(clinic_hub clinic_hub_test)
PGVECTOR_SUITE=trixie # pgvector is not packaged for bookworm; build trixie's source package
REDIS_DIR=/var/lib/redis
REDIS_LOG=/var/log/redis/hub.log
CACHE_DIR="${CLINIC_HUB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clinic-hub}"

LOG="$(mktemp -t clinic-hub-services.XXXXXX.log)"
reported=0
on_exit() {
  local rc=$?
  rm -f "$LOG"
  # set -e exits silently; name the command that stopped us.
  if [ "$rc" -ne 0 ] && [ "$reported" -eq 0 ]; then
    printf 'services.sh: stopped (exit %s) at: %s\n' "$rc" "$BASH_COMMAND" >&2
  fi
}
trap on_exit EXIT

say() { printf '%s\n' "$*"; }
die() {
  reported=1
  printf 'services.sh: %s\n' "$*" >&2
  exit 1
}

# Runs a noisy command, keeping its output unless it fails.
run() {
  if ! "$@" >>"$LOG" 2>&1; then
    reported=1
    printf 'services.sh: failed: %s\n' "$*" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -- "$@"
  else
    die "need root for: $* (run as root or install sudo)"
  fi
}

apt_updated=0
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$apt_updated" -eq 0 ]; then
    run as_root apt-get update
    apt_updated=1
  fi
  run as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  say "installed ${missing[*]}"
}

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -XAtq "$@"; }

# ---------------------------------------------------------------- PostgreSQL

pg_up() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; }

ensure_postgres() {
  local major fresh=0
  major="${PG_MAJOR:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1 || true)}"
  major="${major:-15}"

  # The client alone is enough when a server already runs (e.g. in Docker).
  command -v pg_isready >/dev/null 2>&1 || apt_install "postgresql-client-$major"
  pg_up && return 0

  if ! dpkg -s "postgresql-$major" >/dev/null 2>&1; then
    apt_install "postgresql-$major"
    fresh=1
  fi
  if [ ! -f "/etc/postgresql/$major/main/postgresql.conf" ]; then
    run as_root pg_createcluster "$major" main --port "$PG_PORT"
    say "postgres: created cluster $major/main"
    fresh=1
  fi
  if [ "$fresh" -eq 1 ]; then
    # Development only: trust local socket and loopback connections (first matching line wins).
    run as_root sh -c 'f=$1; { printf "%s\n" "# clinic-hub: trust local connections" \
      "local all all trust" "host all all 127.0.0.1/32 trust" "host all all ::1/128 trust"; cat "$f"; } >"$f.new" \
      && cat "$f.new" >"$f" && rm -f "$f.new"' sh "/etc/postgresql/$major/main/pg_hba.conf"
    say "postgres: trust auth for local connections"
    # The package's postinst may already have started it with the old rules.
    if pg_up; then run as_root pg_ctlcluster --skip-systemctl-redirect "$major" main reload; fi
  fi

  if ! pg_up; then
    run as_root pg_ctlcluster --skip-systemctl-redirect "$major" main start
    say "postgres: started cluster $major/main"
  fi
  for _ in $(seq 30); do
    pg_up && return 0
    sleep 1
  done
  die "postgres did not accept connections on $PG_HOST:$PG_PORT within 30 s"
}

check_postgres_login() {
  psql_admin -c 'select 1' >/dev/null 2>>"$LOG" \
    || die "cannot log in as postgres on $PG_HOST:$PG_PORT without a password (trust auth expected): $(tail -n 1 "$LOG")"
}

vector_available() {
  [ "$(psql_admin -c "select count(*) from pg_available_extensions where name = 'vector'")" = 1 ]
}

debian_mirror() {
  local url
  url="$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 | tr -d ' ')" || true
  printf '%s\n' "${url:-http://deb.debian.org/debian}"
}

ensure_pgvector() {
  vector_available && return 0

  local major pg_config src_root src
  major="$(psql_admin -c 'show server_version_num')"
  major="$((major / 10000))"
  pg_config="/usr/lib/postgresql/$major/bin/pg_config"

  apt_install "postgresql-server-dev-$major" build-essential dpkg-dev
  [ -x "$pg_config" ] || die "no $pg_config; the server on $PG_HOST:$PG_PORT is not a Debian PostgreSQL $major"

  # The unpacked, built tree is cached, so a rerun (e.g. after a PostgreSQL reinstall) only runs make install.
  src_root="$CACHE_DIR/pgvector-pg$major"
  src="$(find "$src_root" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' 2>/dev/null | head -n 1 || true)"
  if [ -z "$src" ]; then
    local list="/etc/apt/sources.list.d/$PGVECTOR_SUITE-src.list"
    if [ ! -f "$list" ]; then
      printf 'deb-src %s %s main\n' "$(debian_mirror)" "$PGVECTOR_SUITE" | as_root tee "$list" >/dev/null
      say "apt: added deb-src $PGVECTOR_SUITE"
    fi
    # Refresh only the source list we added, keeping the others' indexes.
    run as_root apt-get update -o "Dir::Etc::sourcelist=$list" -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && run apt-get source pgvector) || die "could not fetch pgvector source from $PGVECTOR_SUITE"
    mkdir -p "$src_root"
    src="$src_root/$(basename "$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)")"
    mv "$tmp/$(basename "$src")" "$src"
    rm -rf "$tmp"
  fi
  # OPTFLAGS= avoids -march=native, so a cached build stays valid on another CPU.
  run make -C "$src" PG_CONFIG="$pg_config" OPTFLAGS=
  run as_root make -C "$src" PG_CONFIG="$pg_config" OPTFLAGS= install
  say "postgres: installed pgvector $(basename "$src" | sed 's/^pgvector-//')"

  vector_available || die "pgvector was installed for PostgreSQL $major but the server on $PG_HOST:$PG_PORT does not list it"
}

ensure_databases() {
  local db
  for db in "${DATABASES[@]}"; do
    if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
      # Explicit, so a cluster initialised without a UTF-8 locale (minimal containers) still stores any script.
      psql_admin -c "create database \"$db\" template template0 encoding 'UTF8' locale 'C.UTF-8'" >/dev/null
      say "postgres: created database $db"
    fi
  done
}

# --------------------------------------------------------------------- Redis

rcli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
redis_reply() { command -v redis-cli >/dev/null 2>&1 && rcli ping 2>/dev/null || true; }
redis_config() { rcli config get "$1" | sed -n 2p; }
redis_info() { rcli info persistence | tr -d '\r' | sed -n "s/^$1://p"; }

ensure_redis_running() {
  local reply
  reply="$(redis_reply)"
  [ "$reply" = PONG ] && return 0
  [ -n "$reply" ] && die "redis on 127.0.0.1:$REDIS_PORT answered PING with: $reply"

  apt_install redis-server
  # The package may start its own service on install.
  [ "$(redis_reply)" = PONG ] && return 0

  as_root mkdir -p "$REDIS_DIR" "$(dirname "$REDIS_LOG")"
  run as_root redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
    --appendonly yes --appendfsync always --maxmemory-policy noeviction --dir "$REDIS_DIR" --logfile "$REDIS_LOG"
  for _ in $(seq 30); do
    if [ "$(redis_reply)" = PONG ]; then
      say "redis: started on 127.0.0.1:$REDIS_PORT"
      return 0
    fi
    sleep 0.5
  done
  die "redis did not answer on 127.0.0.1:$REDIS_PORT; see $REDIS_LOG"
}

# BullMQ loses jobs if Redis evicts keys or restarts without an append-only file.
ensure_redis_config() {
  local changed=0 out

  if [ "$(redis_config maxmemory-policy)" != noeviction ]; then
    out="$(rcli config set maxmemory-policy noeviction 2>&1)"
    [ "$out" = OK ] || die "redis: cannot set maxmemory-policy noeviction: $out"
    say "redis: set maxmemory-policy noeviction"
    changed=1
  fi

  if [ "$(redis_config appendonly)" != yes ]; then
    out="$(rcli config set appendonly yes 2>&1)"
    if [ "$out" != OK ]; then
      # Usually the working directory is not writable; `dir` is a protected config in Redis 7,
      # so moving it only works with enable-protected-configs yes/local.
      local dir
      dir="$(redis_config dir)"
      as_root mkdir -p "$REDIS_DIR"
      # Hand the directory to the user Redis runs as, when it runs on this machine.
      local pid
      pid="$(rcli info server | tr -d '\r' | sed -n 's/^process_id://p')"
      [ -n "$pid" ] && [ -d "/proc/$pid" ] && as_root chown "$(stat -c %U "/proc/$pid")" "$REDIS_DIR"
      out="$(rcli config set dir "$REDIS_DIR" 2>&1)"
      [ "$out" = OK ] || die "redis: cannot enable appendonly in '$dir' and cannot move dir to $REDIS_DIR ($out);" \
        "restart redis with --dir <writable dir> --appendonly yes"
      out="$(rcli config set appendonly yes 2>&1)"
      [ "$out" = OK ] || die "redis: cannot enable appendonly in $REDIS_DIR: $out (see the redis log)"
      say "redis: moved dir from $dir to $REDIS_DIR"
    fi
    say "redis: enabled appendonly"
    changed=1
  fi

  # An acknowledged webhook must survive a host crash (docs/redis-durability.md).
  if [ "$(redis_config appendfsync)" != always ]; then
    out="$(rcli config set appendfsync always 2>&1)"
    [ "$out" = OK ] || die "redis: cannot set appendfsync always: $out"
    say "redis: set appendfsync always"
    changed=1
  fi

  # Enabling AOF starts a background rewrite; its failure is only visible in INFO.
  for _ in $(seq 60); do
    [ "$(redis_info aof_rewrite_in_progress)" = 0 ] && [ "$(redis_info aof_rewrite_scheduled)" = 0 ] && break
    sleep 0.5
  done
  [ "$(redis_info aof_enabled)" = 1 ] || die "redis: appendonly is not active (see the redis log)"
  if [ "$(redis_info aof_last_bgrewrite_status)" != ok ] || [ "$(redis_info aof_last_write_status)" != ok ]; then
    die "redis: append-only file writes fail in '$(redis_config dir)' (not writable?); see the redis log"
  fi

  # Persist to redis.conf when Redis runs from one, so a restart keeps these settings.
  if [ "$changed" -eq 1 ] && [ -n "$(rcli info server | tr -d '\r' | sed -n 's/^config_file://p')" ]; then
    out="$(rcli config rewrite 2>&1)"
    if [ "$out" = OK ]; then say "redis: saved settings to its config file"; else say "redis: warning: config rewrite failed: $out"; fi
  fi
}

# ---------------------------------------------------------------------- main

ensure_postgres
check_postgres_login
ensure_pgvector
ensure_databases
ensure_redis_running
ensure_redis_config
say "services ready"
