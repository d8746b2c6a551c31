#!/usr/bin/env bash
# Records the Chromium canvas fixtures into data/canvas-fixtures/ (replacing what is there): digits from the held-out
# handwriting generator drawn on the real drawing page in headless Chromium with pointer events, each saved as the
# page's exported PNG and its digital ink, plus index.json. Needs chromium and chromedriver (/usr/bin by default).
#
#   scripts/record-canvas-fixtures.sh [drawings per digit, default 25] [output folder, default data/canvas-fixtures]
#
# Takes ~10 minutes for 250 fixtures on 2 cores. What is drawn is deterministic (generator config, style, drawing
# index and pen width are in index.json); the browser's event times in the ink differ from one recording to the next.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh
per_digit=${1:-25}
out=$(realpath -m "${2:-data/canvas-fixtures}")
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.ink.json "$out"/index.json
./mvnw -B -ntp -q -pl server -am test -Dtest=CanvasFixtureRecorder -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmathsketch.fixtures.out="$out" -Dmathsketch.fixtures.per-digit="$per_digit"
echo "Recorded $(ls "$out"/*.png | wc -l) fixtures into $out ($(du -sh "$out" | cut -f1))"
