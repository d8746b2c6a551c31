#!/usr/bin/env bash
# Cold start: time from launching the JVM to the first successful recognition (201 to a POSTed 280x280 canvas PNG),
# without and with the JDK's AOT cache, several runs each, alternating, median reported.
#
#   scripts/cold-start.sh [runs per variant, default 5]
#
# Each start is the README's run command (scripts/run.sh: java @server/jvm.options -Donnxruntime.native.path=...
# [-XX:AOTCache=...] -jar server/target/mathsketch-server.jar) on a free loopback port, with an H2 file database that
# an untimed first start has already migrated (a restart or a scale-from-zero start, where the schema exists). The clock starts just before
# `java` is launched and stops when the first POST /api/v1/recognitions answers 201; requests are sent every 10 ms
# once the port accepts connections. Also reported: the server's own "started in" (main() to listening) and the JVM's
# user+system CPU seconds at that point, which a busy machine disturbs less than wall time, and how much of it the
# main thread (JVM creation, main()) and the JIT compiler threads took.
# Records the cache first when it is missing or older than the jar (scripts/run.sh --record-aot-cache).
# On a shared machine, run it when no other benchmark runs (it measures wall time). Output: a Markdown table on stdout and in
# target/cold-start/report.md; server logs in target/cold-start/.
#
# MATHSKETCH_COLD_START_EXTRA: extra JVM options for every variant (e.g. -XX:TieredStopAtLevel=1, to try one).
# MATHSKETCH_COLD_START_VARIANTS: the variants, alternating (default "none aot"): none and aot start as the run
# command does; none-jar and aot-jar leave ONNX Runtime to copy its natives out of its jar (the start-up before they
# were extracted once), to compare; a "-digit" suffix (none-digit, aot-digit) loads the digit model alone
# (ENGINE_MODELS=mnist-cnn) instead of the default models, to see what the others cost.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >/dev/null
# shellcheck source=scripts/lib/native-libraries.sh
source scripts/lib/native-libraries.sh
# shellcheck source=scripts/lib/free-port.sh
source scripts/lib/free-port.sh
runs=${1:-5}
jar=server/target/mathsketch-server.jar
cache=server/target/mathsketch.aot
sample=server/scripts/sample-7.png
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp -pl server -am package -DskipTests" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
if [ ! -f "$cache" ] || [ ! "$cache" -nt "$jar" ]; then
  scripts/run.sh --record-aot-cache
fi
work=target/cold-start
rm -rf "$work"
mkdir -p "$work"
read -r -a extra <<< "${MATHSKETCH_COLD_START_EXTRA:-}"

pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; true' EXIT
clock_ticks=$(getconf CLK_TCK)
cpu_seconds() { # pid -> user+system CPU seconds so far
  awk -v t="$clock_ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"
}
# pid -> "<main> <jit>": CPU seconds of the thread that runs the JVM's creation and main() (named after the launcher,
# "java") and of the JIT compiler threads; the rest of the total went to the database's start-up thread, the web
# server, the inference worker and the garbage collector.
thread_seconds() {
  local stat line name ticks main=0 jit=0
  local -a fields
  for stat in /proc/"$1"/task/*/stat; do
    line=$(cat "$stat" 2>/dev/null) || continue
    name=${line#*(}
    name=${name%)*}
    read -r -a fields <<< "${line##*) }"
    ticks=$((fields[11] + fields[12]))
    case "$name" in
      java) main=$((main + ticks)) ;;
      "C1 CompilerThre"* | "C2 CompilerThre"*) jit=$((jit + ticks)) ;;
    esac
  done
  awk -v m="$main" -v j="$jit" -v t="$clock_ticks" 'BEGIN { printf "%.2f %.2f", m / t, j / t }'
}

# One start: variant (none|aot|none-jar|aot-jar, each optionally -digit), label
#   -> prints "<ms to first recognition> <started-in ms> <cpu s> <main thread cpu s> <JIT cpu s>"
start_once() {
  local variant=$1 label=$2 port t0 t1 status dir aot=() natives=("${native[@]}") models=()
  port=$(free_port)
  dir=$work/$variant
  mkdir -p "$dir"
  # AOTMode=on: the JVM refuses to start if the cache does not match, so a silently ignored cache cannot pass as one.
  case "$variant" in aot*) aot=("-XX:AOTCache=$cache" -XX:AOTMode=on) ;; esac
  case "$variant" in *-jar*) natives=() ;; esac
  case "$variant" in *-digit) models=(ENGINE_MODELS=mnist-cnn) ;; esac
  t0=$(date +%s%N)
  # From the repository root with the jar path the cache was recorded with (it checks the class path).
  env "${models[@]}" SERVER_HOST=127.0.0.1 SERVER_PORT=$port DB_URL="jdbc:h2:file:$PWD/$dir/db/mathsketch" \
    java @server/jvm.options "${natives[@]}" "${extra[@]}" "${aot[@]}" -jar "$jar" > "$dir/$label.log" 2>&1 &
  pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/$label.log" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.01
  done
  until status=$(curl -s -o /dev/null -w '%{http_code}' -m 5 -X POST -H 'Content-Type: image/png' \
      --data-binary @"$sample" "http://127.0.0.1:$port/api/v1/recognitions") && [ "$status" = 201 ]; do
    sleep 0.01
  done
  t1=$(date +%s%N)
  local cpu started threads
  threads=$(thread_seconds "$pid")
  cpu=$(cpu_seconds "$pid")
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  started=$(sed -n 's/.*(started in \([0-9]*\) ms).*/\1/p' "$dir/$label.log")
  echo "$(( (t1 - t0) / 1000000 )) ${started:-?} $cpu $threads"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Untimed first starts: migrate each variant's H2 database, fill the page cache with the jars.
read -r -a variants <<< "${MATHSKETCH_COLD_START_VARIANTS:-none aot}"
for variant in "${variants[@]}"; do start_once "$variant" setup > /dev/null; done
declare -A results=()
for i in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    results[$variant]+="$(start_once "$variant" "run-$i")"$'\n'
  done
done

{
  echo "# scripts/cold-start.sh $runs — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "JDK $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ { print $2 }'),"\
       "@server/jvm.options ${native[*]:-} ${extra[*]:-}, AOT cache $(du -h "$cache" | cut -f1)."
  echo
  echo "| variant | first recognition, median (min–max) ms | server 'started in', median ms | JVM CPU s, median |"\
       "of which main thread | of which JIT compilers |"
  echo "|---|---:|---:|---:|---:|---:|"
  for variant in "${variants[@]}"; do
    data=$(printf '%s' "${results[$variant]}")
    echo "| $(case "$variant" in aot*) echo "with AOT cache" ;; *) echo "without" ;; esac)$(case "$variant" in
      *-jar*) echo ", natives copied out of the jar" ;; esac)$(case "$variant" in
      *-digit) echo ", digit model alone" ;; esac) |" \
      "$(cut -d' ' -f1 <<< "$data" | median) ($(cut -d' ' -f1 <<< "$data" | sort -n | head -1)–$(cut -d' ' -f1 <<< "$data" | sort -n | tail -1)) |" \
      "$(cut -d' ' -f2 <<< "$data" | median) | $(cut -d' ' -f3 <<< "$data" | median) |" \
      "$(cut -d' ' -f4 <<< "$data" | median) | $(cut -d' ' -f5 <<< "$data" | median) |"
  done
  echo
  echo "Runs (ms to first recognition, 'started in' ms, CPU s, main thread CPU s, JIT CPU s):"
  for variant in "${variants[@]}"; do echo "- $variant: $(printf '%s' "${results[$variant]}" | tr '\n' ';' | sed 's/;/; /g')"; done
} | tee "$work/report.md"
