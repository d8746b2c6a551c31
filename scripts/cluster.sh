#!/usr/bin/env bash
# Three MathSketch instances on one PostgreSQL behind HAProxy, under load, one of them SIGKILLed and restarted.
#
#   scripts/cluster.sh            full run (~3 minutes on 2 idle cores)
#   scripts/cluster.sh --short    what CI runs (~1 minute after start-up): fails on a lost acknowledged row or a
#                                 failure other than the requests in flight on the killed instance
#
# What it does, all on the loopback interface with private ports:
#   1. PostgreSQL: the machine's 127.0.0.1:5432 (database test, user postgres, trust) when it answers, in a private
#      schema dropped at the end; otherwise a private instance of Debian's PostgreSQL binaries (initdb, own port).
#   2. Three servers (server/target/mathsketch-server.jar, @server/jvm.options, the AOT cache when
#      server/target/mathsketch.aot exists), each with its own working folder.
#   3. HAProxy (Debian's haproxy, installed with apt-get when missing and root): round robin, active HTTP/1.1 health
#      checks of /observe/health/ready every 500 ms (2 failures = down, 2 successes = up), plus passive layer-4
#      observation (a refused connection marks a server down at once), retries with redispatch for requests that
#      never reached a server. Its log (one line per request: accept time, server, status, termination state) is
#      the record the timings below are computed from.
#   4. Load: io.mathsketch.benchmarks.ClusterLoad (benchmarks.jar), closed loop over keep-alive connections, POSTing
#      server/scripts/sample-7.png (a 280x280 canvas PNG, stored). Throughput with 1, 2, then 3 instances enabled
#      (the others in maintenance), then a failover run: SIGKILL instance s2, restart it a few seconds later, stop
#      when it has served again for a few seconds.
#   5. Checks: every id the service acknowledged as stored (201, "stored": true) is a row in the database; failed
#      requests were all in flight on the killed instance: none in the throughput runs, none on another instance
#      (HAProxy's log and error counters), none outside [kill, marked down + 1 s], at most one per connection.
# Prints a report (also in <work>/report.md with every log; <work> = target/cluster-<UTC time>). Exit status 1 when
# a check fails, 2 on a setup problem. Everything it started is stopped on exit (trap), including on a timeout.
#
# Settings (environment): CLUSTER_CONNECTIONS (16), CLUSTER_PHASE_SECONDS seconds per throughput phase (15; short 4),
# CLUSTER_TIME_LIMIT seconds before everything is stopped (300; full 900), CLUSTER_POSTGRES=private to use a private PostgreSQL even when the machine's answers.
# Needs: ./mvnw -B -ntp -pl server,benchmarks -am package -DskipTests (or install); curl; psql and, for a private
# instance, Debian's postgresql package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >/dev/null
# shellcheck source=scripts/lib/load-harness.sh
source scripts/lib/load-harness.sh

short=false
[ "${1:-}" = "--short" ] && short=true
connections=${CLUSTER_CONNECTIONS:-16}
if $short; then
  phase_seconds=${CLUSTER_PHASE_SECONDS:-4} warmup_seconds=3 kill_after=4 down_seconds=3 back_seconds=3 limit=300
else
  phase_seconds=${CLUSTER_PHASE_SECONDS:-15} warmup_seconds=10 kill_after=8 down_seconds=5 back_seconds=8 limit=900
fi
limit=${CLUSTER_TIME_LIMIT:-$limit}
check_needs
if ! command -v haproxy >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing haproxy (Debian package)..."
    (apt-get install -y -qq haproxy >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq haproxy >/dev/null; })
  fi
  command -v haproxy >/dev/null || { echo "ERROR: haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 2; }
fi

open_report cluster

# ---- clean-up: everything started here, whatever happens ----------------------------------------------------------
declare -A server_pid=()
haproxy_pid="" load_pid="" watchdog_pid="" schema=""
# shellcheck source=scripts/lib/private-postgres.sh
source "$root/scripts/lib/private-postgres.sh"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  [ -n "$load_pid" ] && kill -9 "$load_pid" 2>/dev/null
  [ -n "$haproxy_pid" ] && kill -9 "$haproxy_pid" 2>/dev/null && wait "$haproxy_pid" 2>/dev/null
  # Servers get SIGTERM (drain, commit, close the pool) and 20 s in all before SIGKILL.
  for name in "${!server_pid[@]}"; do kill -TERM "${server_pid[$name]}" 2>/dev/null; done
  for _ in $(seq 1 200); do
    alive=false
    for name in "${!server_pid[@]}"; do kill -0 "${server_pid[$name]}" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.1
  done
  for name in "${!server_pid[@]}"; do kill -9 "${server_pid[$name]}" 2>/dev/null; done
  if [ -n "$schema" ]; then
    psql_db -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || echo "WARNING: could not drop schema $schema" >&2
  fi
  private_pg_stop
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null
  exit "$status"
}
trap cleanup EXIT
start_watchdog

# ---- 1. PostgreSQL ------------------------------------------------------------------------------------------------
pg_host=127.0.0.1 pg_user=postgres
if [ "${CLUSTER_POSTGRES:-}" != "private" ] && psql -h 127.0.0.1 -p 5432 -U postgres -d test -Atqc 'SELECT 1' >/dev/null 2>&1; then
  pg_port=5432 pg_db=test
  where="the machine's PostgreSQL (127.0.0.1:5432, database test)"
else
  private_pg_init "$work/postgres-initdb.log" || { echo "ERROR: and no PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }
  private_pg_start
  pg_db=postgres
  where="a private PostgreSQL ($(private_pg_version), 127.0.0.1:$pg_port)"
fi
psql_db() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -v ON_ERROR_STOP=1 -Atq "$@"; }
schema=mathsketch_cluster_$$
psql_db -c "CREATE SCHEMA $schema"
db_url="jdbc:postgresql://$pg_host:$pg_port/$pg_db?currentSchema=$schema"

# ---- 2. three servers ---------------------------------------------------------------------------------------------
names=(s1 s2 s3)
declare -A port=()
for name in "${names[@]}"; do
  port[$name]=$(free_port)
  while [ "$(printf '%s\n' "${port[@]}" | grep -cx "${port[$name]}")" -gt 1 ]; do port[$name]=$(free_port); done
done
aot=()
# The AOT cache when one was recorded for this jar (scripts/run.sh --record-aot-cache): restarts are faster.
[ server/target/mathsketch.aot -nt "$server_jar" ] && aot=(-XX:AOTCache=server/target/mathsketch.aot)
start_server() { # name
  local name=$1
  mkdir -p "$work/$name"
  echo "--- start $(now_ms)" >> "$work/$name/server.log"
  # No rate limits: every request comes from one balancer address, and the load is one simulated crowd, not a
  # client to be limited (the limiter's own tests cover it).
  SERVER_HOST=127.0.0.1 SERVER_PORT=${port[$name]} DB_URL=$db_url DB_USER=$pg_user DB_PASSWORD= \
    RATE_LIMIT_PER_CLIENT=0 RATE_LIMIT_PER_ADDRESS=0 DJL_CACHE_DIR=$work/$name/djl-cache \
    java @server/jvm.options "${aot[@]}" -jar "$server_jar" >> "$work/$name/server.log" 2>&1 &
  server_pid[$name]=$!
}
ready() { # name -> 0 when /observe/health/ready answers 200
  [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:${port[$1]}/observe/health/ready")" = 200 ]
}
for name in "${names[@]}"; do start_server "$name"; done
for name in "${names[@]}"; do
  until ready "$name"; do
    kill -0 "${server_pid[$name]}" 2>/dev/null || { tail -20 "$work/$name/server.log" >&2; echo "ERROR: $name exited" >&2; exit 2; }
    sleep 0.2
  done
done

# ---- 3. HAProxy ---------------------------------------------------------------------------------------------------
lb_port=$(free_port) admin_port=$(free_port)
{
  cat <<EOF
global
  log stdout format iso local0
  stats socket ipv4@127.0.0.1:$admin_port level admin
  maxconn 2000
defaults
  mode http
  log global
  timeout connect 2s
  # A check may take this long to answer before it counts as failed (a starting or busy JVM on 2 shared cores); a
  # killed instance refuses connections at once, so this does not slow down noticing it.
  timeout check 3s
  timeout client 30s
  timeout server 30s
  timeout http-keep-alive 10s
  # A request whose connection to a server failed (refused: the process is gone) goes to another one. Requests
  # already sent are never retried: a recognition is not idempotent (it stores a row).
  retries 2
  option redispatch 1
frontend mathsketch
  bind 127.0.0.1:$lb_port
  log-format "req %Ts%ms %s %ST %tsc %Ta"
  default_backend instances
backend instances
  balance roundrobin
  option httpchk
  http-check send meth GET uri /observe/health/ready ver HTTP/1.1 hdr Host localhost
  http-check expect status 200
  default-server check inter 500ms fastinter 250ms downinter 500ms rise 2 fall 2 observe layer4 error-limit 1 on-error mark-down
EOF
  for name in "${names[@]}"; do echo "  server $name 127.0.0.1:${port[$name]}"; done
} > "$work/haproxy.cfg"
haproxy -c -q -f "$work/haproxy.cfg"
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
haproxy_pid=$!
admin() { # one command on HAProxy's admin socket; prints its answer
  exec 4<>"/dev/tcp/127.0.0.1/$admin_port"
  printf '%s\n' "$1" >&4
  timeout 5 cat <&4
  exec 4<&-
}
state() { # name -> UP, DOWN, MAINT, ... as HAProxy sees it
  admin "show stat" 2>/dev/null | awk -F, -v s="$1" '$1 == "instances" && $2 == s { print $18 }'
}
wait_state() { # name state seconds -> 0 when reached
  local deadline=$(( $(now_ms) + $3 * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    [ "$(state "$1")" = "$2" ] && return 0
    sleep 0.05
  done
  return 1
}
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$admin_port") 2>/dev/null && break; sleep 0.1; done
for name in "${names[@]}"; do wait_state "$name" UP 20 || { echo "ERROR: HAProxy never saw $name up" >&2; exit 2; }; done

url=http://127.0.0.1:$lb_port/api/v1/recognitions
load() { # seconds name: runs the client in the background (load_pid; a trap interrupts `wait`, not a foreground java)
  java -cp "$bench_jar" io.mathsketch.benchmarks.ClusterLoad "$url" "$sample" image/png "$connections" "$1" \
    "$work/ids-$2.txt" > "$work/load-$2.json" &
  load_pid=$!
}
finish_load() { # name -> waits for the client started by load; sets result (never in $(...): wait needs this shell)
  wait "$load_pid" || true
  load_pid=""
  result=$(cat "$work/load-$1.json")
}

: > "$report"
say "# scripts/cluster.sh $($short && echo --short) — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
say ""
say "Database: $where, schema $schema. Servers: ${names[*]} (@server/jvm.options${aot:+, AOT cache}, no rate limits, defaults otherwise),"
say "HAProxy $(haproxy -v | awk 'NR == 1 { print $3 }'), $connections keep-alive connections, closed loop, POST 280x280 canvas PNG, stored."
say ""

# ---- 4a. throughput with 1, 2, 3 instances --------------------------------------------------------------------------
load "$warmup_seconds" warmup
finish_load warmup
clock_ticks=$(getconf CLK_TCK)
server_cpu_ticks() { # user + system CPU of all servers so far, in clock ticks
  local total=0 name
  for name in "${names[@]}"; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/${server_pid[$name]}/stat")))
  done
  echo "$total"
}
# Server CPU time per answered request: what a busy shared machine disturbs least, and what sizes an instance
# (1000 / ms = requests per second per core the servers could serve, the balancer and the client not counted).
cpu_per_request() { # ticks-before result -> ms
  awk -v t="$(( $(server_cpu_ticks) - $1 ))" -v hz="$clock_ticks" -v ok="$(json ok "$2")" \
    'BEGIN { if (ok > 0) printf "%.2f", t * 1000 / hz / ok; else print "-" }'
}
say "| instances | requests/s | p50 ms | p99 ms | failed | server CPU ms per request |"
say "|---:|---:|---:|---:|---:|---:|"
declare -A rps=()
for n in 1 2 3; do
  for i in 0 1 2; do
    if [ "$i" -lt "$n" ]; then admin "enable server instances/${names[$i]}" >/dev/null; else admin "disable server instances/${names[$i]}" >/dev/null; fi
  done
  for i in $(seq 0 $((n - 1))); do wait_state "${names[$i]}" UP 10 || true; done
  ticks=$(server_cpu_ticks)
  load "$phase_seconds" "instances-$n"
  finish_load "instances-$n"
  rps[$n]=$(json rps "$result")
  say "| $n | ${rps[$n]} | $(json p50_ms "$result") | $(json p99_ms "$result") | $(json failed "$result") | $(cpu_per_request "$ticks" "$result") |"
  if [ "$(json failed "$result")" != 0 ]; then echo "unexpected failures with $n instances: $result" >&2; fi
done
# One instance on one core (taskset on all its threads), as a 1-CPU pod or a shared-cpu-1x machine gets it; the
# client and HAProxy still share both cores with it.
if ! $short && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  admin "disable server instances/s2" >/dev/null
  admin "disable server instances/s3" >/dev/null
  taskset -a -p -c 0 "${server_pid[s1]}" >/dev/null
  ticks=$(server_cpu_ticks)
  load "$phase_seconds" one-core
  finish_load one-core
  taskset -a -p -c "0-$(($(nproc) - 1))" "${server_pid[s1]}" >/dev/null
  admin "enable server instances/s2" >/dev/null
  admin "enable server instances/s3" >/dev/null
  say "| 1, pinned to one core | $(json rps "$result") | $(json p50_ms "$result") | $(json p99_ms "$result") | $(json failed "$result") | $(cpu_per_request "$ticks" "$result") |"
  for name in s2 s3; do wait_state "$name" UP 10 || true; done
fi
say ""
say "RSS after the throughput runs: $(for name in "${names[@]}"; do
  printf '%s %s MB; ' "$name" "$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${server_pid[$name]}/status")"; done)"

# ---- 4b. failover: SIGKILL s2 under load, restart it ----------------------------------------------------------------
victim=s2
load 600 failover
sleep "$kill_after"
in_flight=$(admin "show stat" | awk -F, -v s="$victim" '$1 == "instances" && $2 == s { print $5 }')
kill_ms=$(now_ms)
kill -9 "${server_pid[$victim]}"
wait "${server_pid[$victim]}" 2>/dev/null || true
sleep "$down_seconds"
restart_ms=$(now_ms)
start_server "$victim"
wait_state "$victim" UP 240 || { echo "ERROR: $victim did not come back within 240 s" >&2; exit 1; }
sleep "$back_seconds"
kill -TERM "$load_pid"
finish_load failover
failover=$result

# ---- 5. what happened, from HAProxy's log and the database ----------------------------------------------------------
log_ms() { # pattern -> epoch ms of the first HAProxy log line matching it
  local t
  t=$(grep -m1 -- "$1" "$work/haproxy.log" | awk '{ print $1 }')
  [ -n "$t" ] && date -d "$t" +%s%3N
}
down_ms=$(awk -v k="$kill_ms" '$2 == "Server" && $3 == "instances/'$victim'" && $5 == "DOWN," { print $1 }' "$work/haproxy.log" |
  while read -r t; do date -d "$t" +%s%3N; done | awk -v k="$kill_ms" '$1 >= k { print; exit }')
up_ms=$(awk '$2 == "Server" && $3 == "instances/'$victim'" && $5 ~ /^UP/ { print $1 }' "$work/haproxy.log" |
  while read -r t; do date -d "$t" +%s%3N; done | awk -v r="$restart_ms" '$1 >= r { print; exit }')
# Request lines: "<time> req <accept ms> <server> <status> <termination state> <active ms>".
requests=$work/haproxy-requests.txt
awk '$2 == "req" { print $3, $4, $5, $6 }' "$work/haproxy.log" > "$requests"
last_routed=$(awk -v s="$victim" -v r="$restart_ms" '$2 == s && $1 < r { t = $1 } END { print t }' "$requests")
first_served=$(awk -v s="$victim" -v r="$restart_ms" '$2 == s && $1 >= r && $3 ~ /^2/ { print $1; exit }' "$requests")
# HAProxy's per-server counters over the whole run: response errors, server aborts, 5xx answers.
server_errors=$(admin "show stat" | awk -F, '$1 == "instances" && $2 != "BACKEND" { print $2, $15, $51, $44 }')
others_errors=$(awk -v s="$victim" '$1 != s { n += $2 + $3 + $4 } END { print n + 0 }' <<< "$server_errors")
victim_errors=$(awk -v s="$victim" '$1 == s { print $2 + $3 + $4 }' <<< "$server_errors")
expected_failures=$(awk -v s="$victim" -v k="$kill_ms" -v d="${down_ms:-0}" '$2 == s && $3 !~ /^2/ && $1 <= (d > k ? d : k) { n++ } END { print n + 0 }' "$requests")
balancer_failures=$(awk '$3 !~ /^2/ { n++ } END { print n + 0 }' "$requests")
unexpected_balancer=$((balancer_failures - expected_failures))
client_failures=0
for f in "$work"/load-*.json; do
  failed=$(json failed "$(cat "$f")")
  client_failures=$((client_failures + ${failed:-0}))
done
# A request in flight on a server connection that closes without an answer, when its client connection had carried
# earlier requests, is not answered with a 502: HAProxy closes the client connection without a log line, as a server
# closing an idle keep-alive connection would (the client may retry an idempotent request; ours are not, so they
# count as failed). Such failures are attributed by time: between the kill and one second after the balancer marked
# the instance down, while HAProxy's counters show no error on any other instance.
window_end=$(( ${down_ms:-$kill_ms} + 1000 ))
failover_failed=$(json failed "$failover")
first_failure=$(json first_failure_ms "$failover") last_failure=$(json last_failure_ms "$failover")
outside_window=0
if [ "${failover_failed:-0}" -gt 0 ] && { [ "$first_failure" -lt "$kill_ms" ] || [ "$last_failure" -gt "$window_end" ]; }; then
  outside_window=$failover_failed
fi

cat "$work"/ids-*.txt > "$work/acknowledged.txt"
acknowledged=$(wc -l < "$work/acknowledged.txt")
counts=$(count_acknowledged "$work/acknowledged.txt" "$schema")
read -r lost rows distinct <<< "$counts"

ms() { [ -n "$1" ] && [ -n "$2" ] && echo "$(( $1 - $2 )) ms" || echo "never"; }
say ""
say "Failover run ($(json seconds "$failover") s, $(json rps "$failover") requests/s overall): SIGKILL $victim after ${kill_after} s, restarted ${down_seconds} s later."
say ""
say "| what | measured |"
say "|---|---:|"
say "| requests answered 2xx / failed (client) | $(json ok "$failover") / $(json failed "$failover") $(json failed_by_status "$failover" | tr -d '{}"') |"
say "| requests in flight on $victim just before the kill (HAProxy's scur) | $in_flight |"
say "| client failures between the kill and 1 s after $victim was marked down / outside that window | $((failover_failed - outside_window)) / $outside_window |"
say "| of them answered 5xx and logged by HAProxy, all on $victim (the others: connection closed unanswered) | $expected_failures |"
say "| failures in the throughput runs | $((client_failures - failover_failed)) |"
say "| HAProxy error counters (eresp + srv_abrt + 5xx): $victim / the other instances | ${victim_errors:-0} / $others_errors |"
say "| kill → last request routed to $victim | $(ms "$last_routed" "$kill_ms") |"
say "| kill → $victim marked DOWN | $(ms "$down_ms" "$kill_ms") |"
say "| restart → $victim ready and marked UP | $(ms "$up_ms" "$restart_ms") |"
say "| restart → first request served by $victim | $(ms "$first_served" "$restart_ms") |"
say "| ids acknowledged as stored (whole run) / distinct / rows in the database | $acknowledged / $distinct / $rows |"
say "| acknowledged rows missing from the database | $lost |"
say ""
say "Logs: $work"

failed_checks=()
[ "$lost" = 0 ] || failed_checks+=("$lost acknowledged rows are missing from the database")
[ "$distinct" = "$acknowledged" ] || failed_checks+=("an id was acknowledged twice")
[ "$unexpected_balancer" = 0 ] || failed_checks+=("$unexpected_balancer requests failed at the balancer that were not in flight on $victim")
[ "$others_errors" = 0 ] || failed_checks+=("HAProxy counted $others_errors errors on instances that were not killed")
[ "$outside_window" = 0 ] || failed_checks+=("requests failed outside the window of the kill ($first_failure..$last_failure, kill $kill_ms, down $down_ms)")
[ "$((client_failures - failover_failed))" = 0 ] || failed_checks+=("requests failed in the throughput runs")
[ "${failover_failed:-0}" -le "$connections" ] || failed_checks+=("more failures than connections: not only requests in flight")
[ -n "$first_served" ] || failed_checks+=("$victim never served again after its restart")
exit_on_failed_checks
say "PASS: no acknowledged row lost; the only failures were requests in flight on the killed instance."
