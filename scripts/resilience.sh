#!/usr/bin/env bash
# Resilience of one MathSketch server on a private PostgreSQL, all on the loopback interface, bounded in time:
#
#   scripts/resilience.sh            full run (5-10 minutes on 2 shared cores)
#   scripts/resilience.sh --short    what CI runs (under 2 minutes): the same phases, shorter
#
#   0. baseline     normal traffic alone: open loop (OpenLoopLoad), POST server/scripts/sample-7.png, stored
#   1. db-kill      closed-loop recognitions (ClusterLoad, which keeps every id acknowledged as stored) while the
#                   PostgreSQL postmaster and all its processes are SIGKILLed, then restarted: rows acknowledged as
#                   stored and missing from the database afterwards must be 0
#   2. attacks      the attack corpus (io.mathsketch.corpus.attack, AttackLoad) at concurrency 8 while normal traffic
#                   runs: every attack answered as its expectation allows, normal traffic without a failure
#   3. slowloris    1,000 connections sending a request head one byte a second (SlowConnections) while normal traffic
#                   runs: normal traffic without a failure
#
# Then: the server still live (/observe/health/live 200) and no OutOfMemoryError in its log. Prints a results table
# (also <work>/report.md with every log; <work> = target/resilience-<UTC time>). Exit status 1 when a check fails,
# 2 on a setup problem. Everything it started is stopped on exit (trap), including on its time limit.
#
# The PostgreSQL is always a private one (Debian's binaries, initdb into a temporary folder, its own port on
# 127.0.0.1), never a shared server: this script kills it. The server: server/target/mathsketch-server.jar with
# @server/jvm.options (512 MB heap), the symbol model loaded too (expression mode is attacked), rate limits off (all
# traffic comes from 127.0.0.1; the limits would refuse the normal traffic along with the attacks).
#
# Settings (environment): RESILIENCE_RATE normal requests per second (20), RESILIENCE_TIME_LIMIT seconds before
# everything is stopped (short 170, full 900).
# Needs: ./mvnw -B -ntp -pl server,benchmarks -am package -DskipTests; curl; psql; Debian's postgresql package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >/dev/null
# shellcheck source=scripts/lib/load-harness.sh
source scripts/lib/load-harness.sh

short=false
[ "${1:-}" = "--short" ] && short=true
rate=${RESILIENCE_RATE:-20}
if $short; then
  baseline_seconds=4 kill_load_seconds=12 kill_after=3 down_seconds=3 attack_seconds=8 slow_seconds=14 limit=170
else
  baseline_seconds=30 kill_load_seconds=60 kill_after=15 down_seconds=10 attack_seconds=60 slow_seconds=60 limit=900
fi
limit=${RESILIENCE_TIME_LIMIT:-$limit}
slow_connections=1000
attack_concurrency=8
check_needs
open_report resilience

# ---- clean-up: everything started here, whatever happens ----------------------------------------------------------
server_pid="" watchdog_pid=""
background=()
# shellcheck source=scripts/lib/private-postgres.sh
source "$root/scripts/lib/private-postgres.sh"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  for pid in "${background[@]}"; do kill -9 "$pid" 2>/dev/null; done
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 1 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null
  fi
  private_pg_stop
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null
  exit "$status"
}
trap cleanup EXIT
start_watchdog

# ---- private PostgreSQL ---------------------------------------------------------------------------------------------
private_pg_init "$work/postgres-initdb.log" || exit 2
private_pg_start
psql_db() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
pg_version=$(private_pg_version)

# ---- the server -----------------------------------------------------------------------------------------------------
port=$(free_port)
base=http://127.0.0.1:$port
SERVER_HOST=127.0.0.1 SERVER_PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" DB_USER=postgres \
  DB_PASSWORD= ENGINE_MODELS=mnist-cnn,mathsketch-symbols RATE_LIMIT_PER_CLIENT=0 RATE_LIMIT_PER_ADDRESS=0 \
  DJL_CACHE_DIR=$work/djl-cache java @server/jvm.options -jar "$server_jar" > "$work/server.log" 2>&1 &
server_pid=$!
until [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$base/observe/health/ready")" = 200 ]; do
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$work/server.log" >&2; echo "ERROR: the server exited" >&2; exit 2; }
  sleep 0.3
done

bench() { java -cp "$bench_jar" "io.mathsketch.benchmarks.$@"; }
normal() { # seconds name: normal traffic in the background (pid in last_pid), JSON in <work>/normal-<name>.json
  bench OpenLoopLoad "$base/api/v1/recognitions" "$sample" image/png "$rate" "$1" 16 > "$work/normal-$2.json" &
  last_pid=$!
  background+=("$last_pid")
}
normal_row() { # what name
  local r
  r=$(cat "$work/normal-$2.json")
  normal_failures=$(( $(json non2xx "$r") + $(json failed "$r") ))
  local statuses=""
  # Which refusal it was (the first status when there are several), so that a failed check says what to look at.
  [ "$(json non2xx "$r")" = 0 ] || statuses=" ($(json non2xx_by_status "$r" | tr -d '{}"'))"
  say "| $1 | $(json completed "$r") | $(json p50_ms "$r") | $(json p99_ms "$r") | $(json max_ms "$r") | $(json non2xx "$r")$statuses / $(json failed "$r") |"
}

: > "$report"
say "# scripts/resilience.sh $($short && echo --short) — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
say ""
say "One server (@server/jvm.options, 512 MB heap; models mnist-cnn and mathsketch-symbols; rate limits off) on a private"
say "PostgreSQL $pg_version, all on 127.0.0.1. Normal traffic: open loop at $rate requests/s over 16 connections, POST"
say "server/scripts/sample-7.png (280x280 canvas PNG, stored); latency from the scheduled send time."
say ""
failed_checks=()

# ---- 0. baseline ----------------------------------------------------------------------------------------------------
normal "$baseline_seconds" baseline
wait "$last_pid"

# ---- 1. database SIGKILL under load ---------------------------------------------------------------------------------
bench ClusterLoad "$base/api/v1/recognitions" "$sample" image/png 8 "$kill_load_seconds" "$work/acknowledged.txt" \
  > "$work/db-kill.json" &
load_pid=$!
background+=("$load_pid")
sleep "$kill_after"
postmaster=$(head -1 "$pg_data/postmaster.pid")
kill_ms=$(now_ms)
# The postmaster and every backend at once, as a crash of the database's machine would end them.
kill -9 "$postmaster" $(ps -o pid= --ppid "$postmaster") 2>/dev/null || true
sleep "$down_seconds"
for _ in $(seq 1 30); do
  kill -0 "$postmaster" 2>/dev/null || break
  sleep 0.2
done
restart_ms=$(now_ms)
# A backend that has not yet noticed its postmaster's death still holds the shared memory: retry until it has.
for attempt in $(seq 1 20); do
  private_pg_start 2>> "$work/postgres-restart.log" && break
  [ "$attempt" = 20 ] && { echo "ERROR: PostgreSQL did not restart" >&2; exit 2; }
  sleep 0.5
done
pg_up_ms=$(now_ms)
wait "$load_pid"
db_kill=$(cat "$work/db-kill.json")
# Rows still queued in the server are committed within store.write-timeout of their request, or withdrawn.
after=$(curl -s -m 30 -H 'Content-Type: image/png' --data-binary @"$sample" "$base/api/v1/recognitions")
stored_after=$(grep -c '"stored":true' <<< "$after" || true)
acknowledged=$(wc -l < "$work/acknowledged.txt")
counts=$(count_acknowledged "$work/acknowledged.txt")
read -r lost rows distinct <<< "$counts"

# ---- 2. attack corpus beside normal traffic -------------------------------------------------------------------------
normal "$((attack_seconds + 2))" attacks
normal_pid=$last_pid
sleep 1
# In the background, as every client here: the time limit's trap interrupts a `wait`, not a foreground java.
bench AttackLoad "$base" "$attack_concurrency" "$attack_seconds" "$work/attacks.md" > "$work/attacks.json" &
attack_pid=$!
background+=("$attack_pid")
wait "$attack_pid"
wait "$normal_pid"
attacks=$(cat "$work/attacks.json")

# ---- 3. slowloris beside normal traffic -----------------------------------------------------------------------------
bench SlowConnections "$base" "$slow_connections" "$slow_seconds" 1000 > "$work/slow.json" &
slow_pid=$!
background+=("$slow_pid")
sleep 3
normal "$((slow_seconds - 6))" slowloris
wait "$last_pid"
wait "$slow_pid"
slow=$(cat "$work/slow.json")

# ---- report ---------------------------------------------------------------------------------------------------------
live=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$base/observe/health/live")
oom=$(grep -c OutOfMemoryError "$work/server.log" || true)
rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")

say "| normal traffic during | completed | p50 ms | p99 ms | max ms | non-2xx / failed |"
say "|---|---:|---:|---:|---:|---:|"
normal_row "nothing else (baseline, ${baseline_seconds} s)" baseline
normal_row "the attack corpus at concurrency $attack_concurrency ($(json attacks "$attacks") attacks of $(json kinds "$attacks") kinds in $(json seconds "$attacks") s)" attacks
[ "$normal_failures" = 0 ] || failed_checks+=("normal traffic failed $normal_failures times beside the attacks")
normal_row "$slow_connections slow connections (one header byte a second each)" slowloris
[ "$normal_failures" = 0 ] || failed_checks+=("normal traffic failed $normal_failures times beside the slow connections")
say ""
say "| check | measured |"
say "|---|---:|"
say "| database SIGKILL: requests answered 2xx / failed (closed loop, 8 connections, ${kill_load_seconds} s) | $(json ok "$db_kill") / $(json failed "$db_kill") $(json failed_by_status "$db_kill" | tr -d '{}"') |"
say "| database SIGKILL: down (kill → restarted and accepting) | $((pg_up_ms - kill_ms)) ms |"
say "| database SIGKILL: ids acknowledged as stored / distinct / rows in the database | $acknowledged / $distinct / $rows |"
say "| database SIGKILL: acknowledged rows missing from the database | $lost |"
say "| database SIGKILL: a recognition after the load is stored again | $([ "$stored_after" -ge 1 ] && echo yes || echo no) |"
say "| attacks answered outside their expectation / never sent | $(json violations "$attacks") / $(json unsent "$attacks") |"
say "| slow connections opened / refused / closed or answered by the server before the end | $(json max_open "$slow") / $(json refused "$slow") / $(( $(json closed_by_server "$slow") + $(json answered_by_server "$slow") )) |"
say "| /observe/health/live after everything / OutOfMemoryError lines in the server log | $live / $oom |"
say "| server RSS at the end | $rss MB |"
say ""
say "Per-attack answers: $work/attacks.md. Logs: $work"

[ "$lost" = 0 ] || failed_checks+=("$lost acknowledged rows are missing from the database")
[ "$distinct" = "$acknowledged" ] || failed_checks+=("an id was acknowledged twice")
[ "$stored_after" -ge 1 ] || failed_checks+=("recognitions are not stored again after the database restarted: $after")
[ "$(json violations "$attacks")" = 0 ] || failed_checks+=("attacks answered outside their expectation: $(json first_violations "$attacks")")
[ "$(json unsent "$attacks")" = 0 ] || failed_checks+=("attacks never sent within the run")
[ "$live" = 200 ] || failed_checks+=("the server is not live at the end ($live)")
[ "$oom" = 0 ] || failed_checks+=("OutOfMemoryError in the server log")
exit_on_failed_checks
say "PASS: no acknowledged row lost, every attack refused as expected, normal traffic served without a failure."
