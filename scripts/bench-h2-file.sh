#!/usr/bin/env bash
# The embedded H2 file's size under a flood of stored recognitions through a small retention cap: starts the packaged
# server on a fresh H2 file with store.retention.max-bytes at BENCH_MAX_BYTES (30 MB), posts the Chromium canvas PNGs
# of data/canvas-fixtures with wrk (64 connections, one id per wrk client, rate limits off) for BENCH_SECONDS (120),
# and prints every BENCH_EVERY (10) seconds the file's size and the bytes retention has deleted so far (the churn
# through the cap). Then it stops the
# server (SIGTERM: H2 compacts the file as it closes) and prints the size once more.
#   BENCH_SERVER_JAR  the server jar (default server/target/mathsketch-server.jar, its libs/ beside it)
#   BENCH_NOTE        free text printed with the figures (which build)
# Run it alone: wrap it in the machine's benchmark lock when others share the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
server_jar=${BENCH_SERVER_JAR:-server/target/mathsketch-server.jar}
max_bytes=${BENCH_MAX_BYTES:-31457280}
seconds=${BENCH_SECONDS:-120}
every=${BENCH_EVERY:-10}
work=$(mktemp -d -t mathsketch-h2-file.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db=$work/db/mathsketch.mv.db
SERVER_HOST=127.0.0.1 SERVER_PORT=$port DB_URL="jdbc:h2:file:$work/db/mathsketch${BENCH_URL_SETTINGS:-}" \
  RATE_LIMIT_PER_CLIENT=0 RATE_LIMIT_PER_ADDRESS=0 STORE_RETENTION_MAX_BYTES=$max_bytes \
  java @server/jvm.options -jar "$server_jar" > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/observe/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "ERROR: the server exited during start-up:" >&2; tail -5 "$work/server.log" >&2; exit 1; }
  sleep 1
done
ls -d "$PWD"/data/canvas-fixtures/*.png > "$work/canvas.list"
echo "$(date -u '+%Y-%m-%d %H:%M:%S UTC') ${BENCH_NOTE:-} max-bytes=$max_bytes ${seconds}s load=$(cut -d' ' -f1 /proc/loadavg)"
BENCH_BODY_LIST="$work/canvas.list" BENCH_CONTENT_TYPE=image/png \
  wrk -t2 -c64 -d "${seconds}s" --timeout 10s -s benchmarks/http/post-image.lua \
  "http://127.0.0.1:$port/api/v1/recognitions?store=true" -- 32 > "$work/wrk.out" 2>&1 &
wrk_pid=$!
purged_mb() {
  curl -sf "http://127.0.0.1:$port/observe/metrics" 2>/dev/null \
    | awk '/^mathsketch_store_purged_bytes/ {printf "%.0f", $NF / 1e6; exit}'
}
for ((t = every; t <= seconds; t += every)); do
  sleep "$every"
  printf 't=%3ds file=%6.1f MB purged=%s MB\n' "$t" "$(($(stat -c %s "$db") / 1000))e-3" "$(purged_mb)"
done
wait "$wrk_pid" || true
grep '^RESULT' "$work/wrk.out" | cut -c1-160
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
printf 'after shutdown: file=%.1f MB load=%s\n' "$(($(stat -c %s "$db") / 1000))e-3" "$(cut -d' ' -f1 /proc/loadavg)"
