#!/usr/bin/env bash
# Runs every Reach test, as on a fresh machine: installs PostgreSQL and Chromium from Debian when they
# are missing, starts a throwaway PostgreSQL server on a loopback port for the PostgreSQL tests, points
# the browser tests at Chromium, runs `dotnet test` on the whole solution and ends with the line
# "tests: N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- PostgreSQL -------------------------------------------------------------------------------
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgdata="$(mktemp -d /tmp/reach-pg.XXXXXX)"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdata"; fi
port=55432
while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
run_pg "$pgbin/initdb" -D "$pgdata" -U reach --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || { echo "initdb failed"; exit 1; }
run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pgdata/server.log"; echo "PostgreSQL did not start"; exit 1; }
cleanup() { run_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdata"; }
trap cleanup EXIT
export REACH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=reach;Database=postgres"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# --- Chromium (browser tests drive the Debian package; Playwright's own download needs the internet) ---
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export REACH_CHROMIUM="$(command -v chromium)"
echo "Chromium: $REACH_CHROMIUM"

# --- Tests ------------------------------------------------------------------------------------
# Each test project writes its own results file under its own TestResults folder.
rm -rf tests/*/TestResults
dotnet test Reach.sln --logger "trx" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in tests/*/TestResults/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
  skipped=$((skipped + $(value notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (a build error or a crashed test run)."
  failed=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "($skipped test(s) skipped)"
  if [ -n "${CI:-}" ]; then
    # This script provides PostgreSQL and Chromium, so nothing may be skipped in CI: a skip would hide a missing dependency.
    echo "skipped tests count as failures under CI"
    failed=$((failed + skipped))
  fi
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
