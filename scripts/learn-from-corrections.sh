#!/usr/bin/env bash
# Learning from corrections, one round, from a fresh clone (see scripts/training-jvm.sh for the build and JVM):
# exports the corrected recognitions from the service's database (read-only) into a training set, fine-tunes the
# current model on MNIST + style variants + corrections and writes a new version folder only when no fixed test set
# gets worse by more than 0.1 point. Exit status: 0 written, 3 nothing written (refused by that gate, or no
# corrections), 2 bad options, 4 the H2 file is held by another process (the running server: stop it, or point
# --jdbc-url at a copy of the file or at the server's PostgreSQL). The database user is --user, else DB_USER, else sa
# (the server's db.user).
#
#   scripts/learn-from-corrections.sh --help
#   nice scripts/learn-from-corrections.sh --jdbc-url jdbc:h2:file:$PWD/data/db/mathsketch --output target/learned/mnist-cnn
#   nice scripts/learn-from-corrections.sh --jdbc-url jdbc:postgresql://db:5432/mathsketch --user mathsketch
#        (password from DB_PASSWORD)
set -euo pipefail
exec "$(dirname "$0")/training-jvm.sh" io.mathsketch.training.corrections.LearnCommand "$@"
