#!/usr/bin/env bash
# The engine's command line, with a JDK >= 21 selected whatever the default java is. Paths are relative to the
# repository root.
#
#   scripts/engine-cli.sh evaluate models/mnist-cnn            accuracy and confusion matrix on data/mnist-subset
#   scripts/engine-cli.sh recognize server/scripts/sample-7.png
#   scripts/engine-cli.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >/dev/null
exec ./mvnw -B -ntp -q -pl engine compile exec:java -Dexec.args="$*"
