#!/usr/bin/env bash
# Runs a load command of the benchmark project against a throwaway PostgreSQL server, started as test.sh starts
# it (Debian's PostgreSQL, a temporary data folder, a free loopback port) but with the server's durable defaults
# (fsync and synchronous_commit on), as in production. The server is stopped and its folder deleted at the end.
#   bench/with-postgres.sh outbox [--reminders 100000 ...]
#   bench/with-postgres.sh broadcast [--recipients 10000 ...]
# REACH_BENCH_PG_OPTIONS adds server settings for an experiment, e.g. "-c synchronous_commit=off".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgdata="$(mktemp -d /tmp/reach-bench-pg.XXXXXX)"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdata"; fi
port=56432
while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
run_pg "$pgbin/initdb" -D "$pgdata" -U reach --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || { echo "initdb failed"; exit 1; }
run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200 ${REACH_BENCH_PG_OPTIONS:-}" start >/dev/null \
  || { cat "$pgdata/server.log"; echo "PostgreSQL did not start"; exit 1; }
cleanup() { run_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1; rm -rf "$pgdata"; }
trap cleanup EXIT

dotnet run -c Release --project bench/Reach.Benchmarks -- "$@" --postgres "Host=127.0.0.1;Port=$port;Username=reach;Database=postgres"
