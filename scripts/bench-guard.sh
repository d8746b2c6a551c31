#!/usr/bin/env bash
# Benchmark regression guard (CI). Reruns a short JMH suite (1 fork, 5 x 1 s warm-up, 5 x 1 s measurement; about
# 3 minutes on 2 cores) and fails when a benchmark got slower than benchmarks/baseline.json allows. It compares the
# benchmark JVM's CPU time per operation (ProcessCpuProfiler; median iteration), so other processes competing for the
# cores do not count, as ratios to ReferenceBenchmark.cpuLoop of the same run, so a faster or slower machine cancels
# out; the allowed slowdown is 1 + tolerance (30%) + the measured noise of both runs (at most another 30%).
#
#   scripts/bench-guard.sh              check; exit 1 on a regression
#   scripts/bench-guard.sh --record     re-record benchmarks/baseline.json from a fresh run (commit it)
#   MATHSKETCH_BENCH_SLOWDOWN=canvasPipeline scripts/bench-guard.sh
#                                       prove the guard: that benchmark does its work twice, the check must fail
#
# Needs: a JDK >= 21 (found by scripts/select-jdk.sh), benchmarks/target/benchmarks.jar and the engine jar from
# ./mvnw -B -ntp install -DskipTests, and the committed models/ folder (or BENCH_MODELS_DIR). Nothing else (no
# network). The baseline must come from the same model: re-record it when the model changes.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh

jar=benchmarks/target/benchmarks.jar
baseline=benchmarks/baseline.json
reference=ReferenceBenchmark.cpuLoop
tolerance=0.30
[ -f "$jar" ] || { echo "ERROR: $jar is missing: run ./mvnw -B -ntp install -DskipTests first" >&2; exit 1; }

result=benchmarks/target/guard-result.json
jvm_args="-Djava.awt.headless=true"
[ -n "${BENCH_MODELS_DIR:-}" ] && jvm_args="$jvm_args -Dmathsketch.models=$BENCH_MODELS_DIR"
if [ -n "${MATHSKETCH_BENCH_SLOWDOWN:-}" ]; then
  echo "DELIBERATE SLOWDOWN of $MATHSKETCH_BENCH_SLOWDOWN (benchmark code only): the guard should fail"
  jvm_args="$jvm_args -Dmathsketch.bench.slowdown=$MATHSKETCH_BENCH_SLOWDOWN"
fi

# The short suite: the CPU reference, preprocessing (with the bare-Inflater reference), ONNX Runtime inference at
# batch 1 and 32, DJL vs direct ONNX Runtime at batch 1, and one recognition end to end.
timeout 290 java -jar "$jar" \
  'ReferenceBenchmark\.cpuLoop$' \
  'PreprocessingBenchmark\.(canvasPipeline|canvasInflateReference|mnistPngPipeline|photoJpegPipeline|numberSegmentation)$' \
  'InferenceBenchmark\.batch(1|32)$' \
  'DjlOverheadBenchmark\.' \
  'EndToEndBenchmark\.canvasOneThread$' \
  -p engine=OnnxRuntime -p batch=1 \
  -f 1 -wi 5 -w 1s -i 5 -r 1s -prof io.mathsketch.benchmarks.ProcessCpuProfiler \
  -jvmArgsAppend "$jvm_args" \
  -rf json -rff "$result" > benchmarks/target/guard-jmh.log 2>&1 || {
    echo "ERROR: the JMH run failed or exceeded its time; last lines of benchmarks/target/guard-jmh.log:" >&2
    tail -30 benchmarks/target/guard-jmh.log >&2
    exit 1
  }
sed -n '/^Benchmark /,$p' benchmarks/target/guard-jmh.log

if [ "${1:-}" = "--record" ]; then
  recorded="$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$jar" io.mathsketch.benchmarks.GuardCheck baseline "$result" "$baseline" "$reference" "$tolerance" \
    "$recorded"
else
  java -cp "$jar" io.mathsketch.benchmarks.GuardCheck check "$baseline" "$result"
fi
