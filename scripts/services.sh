#!/usr/bin/env bash
# Starts (installing when missing) the real services that Funcboot's tests and demos use.
#   scripts/services.sh start [postgres|azurite|rabbitmq ...]   start the named services (default: all the tests need)
#   scripts/services.sh status                         show what is running
# Idempotent: a service that already answers is left alone. Needs root (or sudo) only to install
# PostgreSQL and RabbitMQ (Debian packages); Azurite installs from npm into a directory of its own,
# without root. Kafka needs no service: tests and the order-events demo start an embedded KRaft broker.
set -euo pipefail

SERVICES_NEEDED_BY_TESTS=(postgres azurite rabbitmq)

ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
AZURITE_VERSION=3.35.0   # 3.37 and later need Node 22
AZURITE_HOME=${FUNCBOOT_AZURITE_HOME:-$HOME/.funcboot/azurite-$AZURITE_VERSION}
AZURITE_DATA=${FUNCBOOT_AZURITE_DATA:-$ROOT_DIR/.services/azurite}

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

port_open() { # port_open PORT: whether something accepts TCP connections on 127.0.0.1:PORT
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The queue service answers any HTTP request (400 or 403 without credentials): proof it is up,
# not only that the port is bound.
azurite_ready() { curl -s -o /dev/null -m 2 "http://127.0.0.1:10001/devstoreaccount1?comp=list"; }

# An Azurite whose data folder was deleted (its checkout removed while it ran) still answers HTTP
# but fails every write, so every queue and blob test would time out: stop it, and start afresh.
stop_orphaned_azurite() {
  local pid location
  for pid in $(pgrep -f 'azurite.*--queuePort 10001' || true); do
    location=$(ps -o args= -p "$pid" | grep -o -- '--location [^ ]*' | awk '{print $2}')
    if [ -n "$location" ] && [ ! -d "$location" ]; then
      log "azurite: pid $pid runs on a data folder that is gone ($location); stopping it"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do port_open 10001 || break; sleep 0.5; done
    fi
  done
}

start_azurite() {
  stop_orphaned_azurite
  if azurite_ready; then
    log "azurite: already running (blob 10000, queue 10001, table 10002 on 127.0.0.1)"
    return 0
  fi
  for port in 10000 10001 10002; do
    if port_open "$port"; then
      log "azurite: port $port is taken by something that is not Azurite's queue service; free it"; return 1
    fi
  done
  local bin="$AZURITE_HOME/node_modules/.bin/azurite"
  if [ ! -x "$bin" ]; then
    command -v npm >/dev/null || { log "azurite: needs Node.js 18+ and npm (apt-get install nodejs npm)"; return 1; }
    log "azurite: installing azurite@$AZURITE_VERSION from npm into $AZURITE_HOME"
    mkdir -p "$AZURITE_HOME"
    # from / so that npm does not pick up a package.json (or workspace) of the current directory
    (cd / && npm install --prefix "$AZURITE_HOME" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2)
  fi
  mkdir -p "$AZURITE_DATA"
  log "azurite: starting (data in $AZURITE_DATA, log in $AZURITE_DATA/azurite.log)"
  # --skipApiVersionCheck: the Java SDK may speak a newer service version than this Azurite knows
  nohup "$bin" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 \
    --tableHost 127.0.0.1 --tablePort 10002 --location "$AZURITE_DATA" \
    >"$AZURITE_DATA/azurite.log" 2>&1 </dev/null &
  echo $! >"$AZURITE_DATA/azurite.pid"
  wait_for azurite 60 azurite_ready || { tail -20 "$AZURITE_DATA/azurite.log" >&2; return 1; }
  log "azurite: ready (pid $(cat "$AZURITE_DATA/azurite.pid"); queue http://127.0.0.1:10001/devstoreaccount1)"
}

# RabbitMQ answers the AMQP protocol header with its own: proof that the broker is up, not only the port.
rabbitmq_ready() {
  local bytes
  bytes=$( (exec 3<>/dev/tcp/127.0.0.1/5672 && printf 'AMQP\x00\x00\x09\x01' >&3 && timeout 2 head -c 8 <&3 | wc -c) 2>/dev/null) || return 1
  [ "${bytes:-0}" -gt 0 ]
}

start_rabbitmq() {
  if rabbitmq_ready; then
    log "rabbitmq: already running on 127.0.0.1:5672"
    return 0
  fi
  if port_open 5672; then
    log "rabbitmq: port 5672 is taken by something that is not RabbitMQ; free it"; return 1
  fi
  if ! command -v rabbitmq-server >/dev/null && [ ! -x /usr/sbin/rabbitmq-server ]; then
    log "rabbitmq: installing from Debian packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  fi
  log "rabbitmq: starting (guest/guest, loopback only)"
  # detached: the broker outlives this script, as the other services do; guest may log in from loopback
  as_root env RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 /usr/sbin/rabbitmq-server -detached >/dev/null 2>&1 || true
  wait_for rabbitmq 90 rabbitmq_ready || { log "rabbitmq: see /var/log/rabbitmq/"; return 1; }
  log "rabbitmq: ready (amqp://guest:guest@127.0.0.1:5672)"
}

status() {
  if command -v pg_isready >/dev/null && postgres_ready; then echo "postgres: up"; else echo "postgres: down"; fi
  if azurite_ready; then echo "azurite: up"; else echo "azurite: down"; fi
  if rabbitmq_ready; then echo "rabbitmq: up"; else echo "rabbitmq: down"; fi
}

cmd=${1:-start}; shift || true
case "$cmd" in
  start)
    services=("$@"); [ ${#services[@]} -eq 0 ] && services=("${SERVICES_NEEDED_BY_TESTS[@]}")
    for service in "${services[@]}"; do
      case "$service" in
        postgres) start_postgres ;;
        azurite) start_azurite ;;
        rabbitmq|rabbit) start_rabbitmq ;;
        *) log "unknown service '$service'"; exit 2 ;;
      esac
    done ;;
  status) status ;;
  *) echo "usage: $0 start [postgres|azurite|rabbitmq ...] | status" >&2; exit 2 ;;
esac
