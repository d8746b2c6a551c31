#!/usr/bin/env bash
# Benchmark regression guard (CI). Measures the guarded workloads (preprocessing on five payload-corpus classes, ONNX
# Runtime inference at batch 1 and 32, number segmentation) as this checkout's build does them and as the accepted
# baseline commit's build does them, SIDE BY SIDE in one JVM (io.mathsketch.benchmarks.GuardCheck): every round runs
# each workload's two builds back to back for ~30 ms of CPU each, in a random order, so both see the same machine
# within a fraction of a second, on whatever machine this is. It compares CPU time of the JVM's Java threads per
# operation (other processes competing for the cores do not count), takes the median over 15 rounds (one disturbed
# round does not decide) and fails when this build is more than 25% slower on a workload. About 80 s of CPU (each
# workload runs twice); on a loaded 2-core machine 2-3 minutes, plus about a minute to build the baseline the first time.
#
#   scripts/bench-guard.sh              check; exit 1 on a regression
#   scripts/bench-guard.sh --accept     make HEAD the baseline (writes benchmarks/guard-baseline; commit it, saying
#                                       why: an intended slowdown such as a larger model, or a speed-up to keep)
#   MATHSKETCH_BENCH_SLOWDOWN=all:1.5 scripts/bench-guard.sh
#                                       prove the guard: every guarded workload of this build takes 1.5x its CPU;
#                                       exit 1 when all were flagged, 4 when one slipped through ("PROOF FAILED")
#   MATHSKETCH_BENCH_SLOWDOWN=preprocess.mnist28:2 ...   one workload, another factor
#   MATHSKETCH_BENCH_PROOF=all:1.5 scripts/bench-guard.sh
#                                       both in one run (CI): this build as it is AND a copy of it slowed 1.5x, in the
#                                       same rounds against the same baseline slices; exit 1 on a regression of the
#                                       clean build, else 4 when a slowed workload slipped through, else 0. About half
#                                       as much again as a check alone, instead of twice as much for a second run
#
# Needs: a JDK >= 21 (found by scripts/select-jdk.sh), git history holding the baseline commit (a shallow clone does
# not: fetch it), benchmarks/target/benchmarks.jar from ./mvnw -B -ntp install -DskipTests, Maven dependencies for
# the baseline build (the same as this one's unless the poms changed), the committed models/ and data/ folders (the
# payload corpus is generated from data/; each build runs its own commit's model). No network beyond Maven's.
# BENCH_GUARD_ROUNDS overrides the number of rounds.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh

jar=benchmarks/target/benchmarks.jar
baseline_file=benchmarks/guard-baseline

if [ "${1:-}" = "--accept" ]; then
  head=$(git rev-parse HEAD)
  if ! git diff --quiet HEAD -- engine corpus benchmarks models data pom.xml; then
    echo "ERROR: uncommitted changes to guarded code or models: commit them first, then accept that commit" >&2
    exit 2
  fi
  sed -i "s/^commit=.*/commit=$head/" "$baseline_file"
  echo "baseline is now $head ($(git log -1 --format=%s "$head" | cut -c1-80)); commit $baseline_file saying why"
  exit 0
fi

[ -f "$jar" ] || { echo "ERROR: $jar is missing: run ./mvnw -B -ntp install -DskipTests first" >&2; exit 1; }
commit=$(sed -n 's/^commit=//p' "$baseline_file")
if ! git rev-parse -q --verify "$commit^{commit}" >/dev/null; then
  echo "ERROR: the baseline commit $commit (from $baseline_file) is not in this clone: a shallow clone? fetch the" \
    "history (git fetch --unshallow) and run again" >&2
  exit 2
fi

# The baseline's build, made once per commit from its own sources (git archive: no working tree of ours is touched).
base=benchmarks/target/guard-baseline/$commit
if [ ! -f "$base/benchmarks/target/benchmarks.jar" ]; then
  echo "Building the baseline $commit ($(git log -1 --format=%s "$commit" | cut -c1-70))..."
  rm -rf "$base"
  mkdir -p "$base"
  git archive "$commit" | tar -x -C "$base"
  # A private Maven repository chosen in this checkout's untracked .mvn/maven.config applies to the baseline too.
  [ -f .mvn/maven.config ] && cp .mvn/maven.config "$base/.mvn/maven.config"
  # -DskipTests, not -Dmaven.test.skip: the corpus module depends on the engine's test jar, which only a build that
  # compiles the tests makes; with it skipped the baseline built only where an earlier install had left that jar.
  (cd "$base" && ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests) ||
    { rm -rf "$base"; echo "ERROR: could not build the baseline $commit" >&2; exit 2; }
fi

# A fixed heap and the serial collector: GC work lands in the slice that allocated it, not on other threads.
jvm=(-Djava.awt.headless=true -XX:+UseSerialGC -Xms768m -Xmx768m --enable-native-access=ALL-UNNAMED)
[ -n "${BENCH_MODELS_DIR:-}" ] && jvm+=("-Dmathsketch.models=$BENCH_MODELS_DIR")
if [ -n "${MATHSKETCH_BENCH_SLOWDOWN:-}" ]; then
  echo "DELIBERATE SLOWDOWN of $MATHSKETCH_BENCH_SLOWDOWN (this build's benchmark code only): the guard must fail"
  jvm+=("-Dmathsketch.bench.slowdown=$MATHSKETCH_BENCH_SLOWDOWN")
fi
if [ -n "${MATHSKETCH_BENCH_PROOF:-}" ]; then
  echo "PROOF in the same run: a copy of this build slowed down by $MATHSKETCH_BENCH_PROOF must be flagged"
  jvm+=("-Dmathsketch.bench.proof=$MATHSKETCH_BENCH_PROOF")
fi
echo "load before the guard run: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
timeout 900 java "${jvm[@]}" -cp "$jar" io.mathsketch.benchmarks.GuardCheck "$base/benchmarks/target/benchmarks.jar" \
  "$base/models" "baseline ${commit:0:12}" "${BENCH_GUARD_ROUNDS:-15}" || status=$?
echo "load after the guard run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
