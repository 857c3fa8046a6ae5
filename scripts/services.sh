#!/usr/bin/env bash
# Starts (installing when missing) the real services that Funcboot's tests and demos use.
#   scripts/services.sh start [postgres ...]   start the named services (default: all the tests need)
#   scripts/services.sh status                 show what is running
# Idempotent: a service that already answers is left alone. Needs root (or sudo) only to install.
set -euo pipefail

SERVICES_NEEDED_BY_TESTS=(postgres)

log() { printf '[services] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

wait_for() { # wait_for NAME SECONDS COMMAND...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  log "$name did not become ready within ${seconds}s"; return 1
}

postgres_ready() { pg_isready -h 127.0.0.1 -p 5432 -q; }

start_postgres() {
  if command -v pg_isready >/dev/null && postgres_ready; then
    log "postgres: already running on 127.0.0.1:5432"
  else
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
      log "postgres: installing from Debian packages"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      local version; version=$(ls /etc/postgresql | sort -V | tail -1)
      # tests and demos connect over TCP as 'postgres' without a password, on loopback only
      as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' \
        "/etc/postgresql/$version/main/pg_hba.conf"
    fi
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    log "postgres: starting cluster $version/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for postgres 60 postgres_ready
  fi
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1" >/dev/null 2>&1; then
    # a preinstalled server that asks for passwords on loopback: let local test clients in
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    log "postgres: allowing password-less loopback connections for tests"
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' \
      "/etc/postgresql/$version/main/pg_hba.conf"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    wait_for postgres-auth 30 psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1"
  fi
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
    log "postgres: creating database 'test'"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE test"
  fi
  psql -h 127.0.0.1 -U postgres -d test -Atc "SELECT 1" >/dev/null
  log "postgres: ready (127.0.0.1:5432, user postgres, database test)"
}

status() {
  if command -v pg_isready >/dev/null && postgres_ready; then echo "postgres: up"; else echo "postgres: down"; fi
}

cmd=${1:-start}; shift || true
case "$cmd" in
  start)
    services=("$@"); [ ${#services[@]} -eq 0 ] && services=("${SERVICES_NEEDED_BY_TESTS[@]}")
    for service in "${services[@]}"; do
      case "$service" in
        postgres) start_postgres ;;
        *) log "unknown service '$service'"; exit 2 ;;
      esac
    done ;;
  status) status ;;
  *) echo "usage: $0 start [postgres] | status" >&2; exit 2 ;;
esac
