#!/usr/bin/env bash
# Where the image path's CPU goes, per payload class (io.mathsketch.benchmarks.PipelineSplit): the whole
# preprocessing pipeline, our PNG decoder alone and a bare java.util.zip.Inflater pass over the same PNGs' data,
# measured interleaved as CPU time (like the regression guard), so the figures hold on a loaded machine. Writes
# benchmarks/results/pipeline-split.md. About a minute of CPU.
# Needs: a JDK >= 21 (scripts/select-jdk.sh), benchmarks/target/benchmarks.jar (./mvnw -B -ntp install -DskipTests),
# data/ (the payload corpus is generated from it). BENCH_SPLIT_ROUNDS overrides the number of rounds (15).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh

jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "ERROR: $jar is missing: run ./mvnw -B -ntp install -DskipTests first" >&2; exit 1; }
# The guard's JVM settings: a fixed heap and the serial collector, so GC work lands in the slice that allocated it.
java -Djava.awt.headless=true -XX:+UseSerialGC -Xms512m -Xmx512m -cp "$jar" io.mathsketch.benchmarks.PipelineSplit \
  benchmarks/results/pipeline-split.md "${BENCH_SPLIT_ROUNDS:-15}"
