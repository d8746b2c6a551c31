#!/usr/bin/env bash
# Benchmark regression guard (CI). Measures the guarded workloads (preprocessing on five payload-corpus classes, ONNX
# Runtime inference at batch 1 and 32, number segmentation) INTERLEAVED with three
# reference workloads in one JVM (io.mathsketch.benchmarks.GuardRun): every round runs each workload for ~30 ms of
# CPU in a random order, so a workload and the yardstick it is divided by see the same machine within a second. It
# compares CPU time of the JVM's Java threads per operation (other processes competing for the cores do not count),
# takes the median over 15 rounds (one disturbed round does not decide) and fails when a workload's ratio grew by
# more than 25% over benchmarks/baseline.json. About 40 s of CPU; on a loaded 2-core machine 1-2 minutes.
#
#   scripts/bench-guard.sh              check; exit 1 on a regression
#   scripts/bench-guard.sh --record     re-record benchmarks/baseline.json (31 rounds; commit it)
#   MATHSKETCH_BENCH_SLOWDOWN=all:1.5 scripts/bench-guard.sh
#                                       prove the guard: every guarded workload does 1.5x its work; exit 1 when all
#                                       were flagged, 4 when one slipped through ("PROOF FAILED")
#   MATHSKETCH_BENCH_SLOWDOWN=preprocess.mnist28:2 ...   one workload, another factor
#
# Needs: a JDK >= 21 (found by scripts/select-jdk.sh), benchmarks/target/benchmarks.jar from
# ./mvnw -B -ntp install -DskipTests, the committed models/ folder (or BENCH_MODELS_DIR) and data/ (the payload
# corpus is generated from it). Nothing else (no network). Re-record the baseline when the model changes.
# BENCH_GUARD_ROUNDS overrides the number of rounds.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh

jar=benchmarks/target/benchmarks.jar
baseline=benchmarks/baseline.json
result=benchmarks/target/guard-result.json
[ -f "$jar" ] || { echo "ERROR: $jar is missing: run ./mvnw -B -ntp install -DskipTests first" >&2; exit 1; }

# A fixed heap and the serial collector: GC work lands in the slice that allocated it, not on other threads.
jvm=(-Djava.awt.headless=true -XX:+UseSerialGC -Xms512m -Xmx512m)
[ -n "${BENCH_MODELS_DIR:-}" ] && jvm+=("-Dmathsketch.models=$BENCH_MODELS_DIR")
if [ -n "${MATHSKETCH_BENCH_SLOWDOWN:-}" ]; then
  echo "DELIBERATE SLOWDOWN of $MATHSKETCH_BENCH_SLOWDOWN (benchmark code only): the guard must fail"
  jvm+=("-Dmathsketch.bench.slowdown=$MATHSKETCH_BENCH_SLOWDOWN")
fi
mkdir -p benchmarks/target
echo "load before the guard run: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${1:-}" = "--record" ]; then
  recorded="$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java "${jvm[@]}" -cp "$jar" io.mathsketch.benchmarks.GuardCheck record "$baseline" "$recorded" \
    "${BENCH_GUARD_ROUNDS:-31}"
else
  status=0
  timeout 600 java "${jvm[@]}" -cp "$jar" io.mathsketch.benchmarks.GuardCheck check "$baseline" "$result" \
    "${BENCH_GUARD_ROUNDS:-15}" || status=$?
  echo "load after the guard run: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit "$status"
fi
