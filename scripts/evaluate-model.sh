#!/usr/bin/env bash
# Measures a model folder on the fixed test sets (the 10,000 MNIST test digits and the held-out drawings of the 22
# digit styles) and prints per-style Markdown (see scripts/training-jvm.sh for the build and JVM):
#
#   scripts/evaluate-model.sh --model models/mnist-cnn
set -euo pipefail
exec "$(dirname "$0")/training-jvm.sh" io.mathsketch.training.EvaluateCommand "$@"
