#!/usr/bin/env bash
# Runs one of the training module's command-line classes from a fresh clone: selects a JDK >= 21, builds `training`
# and the modules it needs in one reactor (nothing is installed into the local Maven repository), then runs the class
# in its own JVM on the runtime classpath the build writes. Used by train.sh, learn-from-corrections.sh and
# evaluate-model.sh; not meant to be called directly.
#
#   scripts/training-jvm.sh <main class> [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >&2

log=training/target/train-build.log
mkdir -p training/target
if ! ./mvnw -B -ntp -pl training -am package -DskipTests >"$log" 2>&1; then
  echo "ERROR: building the training module failed; the errors from $log:" >&2
  grep -E '^\[ERROR\]' "$log" | head -30 >&2
  exit 1
fi

exec "$JAVA_HOME/bin/java" -cp "training/target/classes:$(cat training/target/runtime-classpath.txt)" "$main" "$@"
