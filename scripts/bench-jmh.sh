#!/usr/bin/env bash
# Full JMH suite: preprocessing, inference per engine and batch size, DJL overhead vs direct ONNX Runtime, end to end
# in process, and the CPU reference. About 8 minutes on 2 cores. Run from anywhere; needs
# benchmarks/target/benchmarks.jar (./mvnw -B -ntp install -DskipTests) and the committed models/.
#
#   scripts/bench-jmh.sh                     everything, JSON to benchmarks/results/jmh-full.json
#   scripts/bench-jmh.sh Preprocessing       only benchmarks matching a regex (JMH's include syntax)
#   BENCH_NAME=jmh-quick scripts/bench-jmh.sh Inference -wi 2 -i 3     extra JMH options after the regex
#
# Only the full run (no arguments, no BENCH_NAME) writes the committed jmh-full.json and latest.md; a partial run writes
# benchmarks/results/<BENCH_NAME or jmh-partial>.json and .md.
#
# Every benchmark also reports the JVM's CPU time per operation (ProcessCpuProfiler), which competing processes on a
# shared machine inflate far less than the wall-clock score. Then writes the results table (every score and the issue's targets) from the JSON. BENCH_NOTE adds a
# line to its header (for example the load on the machine during the run).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh

jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "ERROR: $jar is missing: run ./mvnw -B -ntp install -DskipTests first" >&2; exit 1; }
# The full default run refreshes the committed jmh-full.json and latest.md. A partial run (a regex or BENCH_NAME) writes
# only benchmarks/results/<name>.json and <name>.md, so it never overwrites the committed results; without BENCH_NAME
# the name is jmh-partial (git-ignored).
if [ $# -eq 0 ] && [ -z "${BENCH_NAME:-}" ]; then
  name=jmh-full
  table=benchmarks/results/latest.md
else
  name=${BENCH_NAME:-jmh-partial}
  table=benchmarks/results/$name.md
fi
case "${BENCH_NAME:-}" in
  jmh-full | latest) echo "ERROR: BENCH_NAME=$BENCH_NAME names the committed full results; choose another name" >&2; exit 2 ;;
esac
json=benchmarks/results/$name.json
include=${1:-'io\.mathsketch\.benchmarks\..*'}
shift || true

mkdir -p benchmarks/results
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" "$include" -rf json -rff "$json" -jvmArgsAppend "-Djava.awt.headless=true" \
  -prof io.mathsketch.benchmarks.ProcessCpuProfiler "$@"
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" io.mathsketch.benchmarks.ResultsTable "$table" \
  "${BENCH_NOTE:-load averages are printed on the console before and after the run}" "$json"
