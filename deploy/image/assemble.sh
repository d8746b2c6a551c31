#!/usr/bin/env bash
# Lays out the runtime image as the Dockerfile's build stage does, without Docker, and prints its sizes:
#   <out>/app  the server jar, its libraries (ONNX Runtime reduced to its linux-x64 natives, which are also
#              extracted into native/ so that a start loads them in place), every committed model folder of models/,
#              jvm.options, the entrypoint and the AOT training script
#   <out>/jre  a jlink'd runtime of the modules in server/scripts/runtime-modules.txt
# The Dockerfile runs this very script, so running it here (CI does) checks the image's build steps.
#
# Usage (repository root, after ./mvnw -B -ntp -pl server -am package -DskipTests; JAVA_HOME = a JDK 25+):
#   deploy/image/assemble.sh <out>
set -euo pipefail
out="${1:?usage: $0 <out-folder>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
java_home="${JAVA_HOME:?set JAVA_HOME to a JDK (25+ for the AOT cache)}"
jar="$root/server/target/mathsketch-server.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp -pl server -am package -DskipTests" >&2; exit 1; }

rm -rf "$out/app" "$out/jre"
app="$out/app"
mkdir -p "$app/libs" "$app/models"
cp "$jar" "$app/"
cp "$root"/server/target/libs/*.jar "$app/libs/"
"$root/server/scripts/strip-onnxruntime-natives.sh" "$app/libs"
"$root/server/scripts/extract-onnxruntime-natives.sh" "$app/libs" "$app/native"
# Every committed model: the server's default engine.models loads them all (digits, symbols, digit verifier, pair reader, line reader).
for model in "$root"/models/*/; do
  [ -f "$model/manifest.json" ] && cp -r "$model" "$app/models/$(basename "$model")"
done
cp "$root/server/jvm.options" "$app/jvm.options"
cp "$root/deploy/image/entrypoint.sh" "$root/deploy/image/record-aot-cache.sh" "$app/"
cp "$root/server/scripts/sample-7.png" "$app/aot-sample.png"
"$java_home/bin/jlink" --add-modules "$(tr -d '[:space:]' < "$root/server/scripts/runtime-modules.txt")" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$out/jre"

mb() { du -sb "$@" | awk '{ s += $1 } END { printf "%.1f MB", s / 1e6 }'; }
echo "image layout in $out:"
echo "  runtime (jlink, $(tr -d '[:space:]' < "$root/server/scripts/runtime-modules.txt" | awk -F, '{ print NF }') modules): $(mb "$out/jre")"
echo "  libraries:                $(mb "$app/libs")  (ONNX Runtime jar alone: $(mb "$app"/libs/onnxruntime-*.jar))"
echo "  ONNX Runtime natives:     $(mb "$app/native")  (extracted, loaded in place)"
echo "  server jar:               $(mb "$app/mathsketch-server.jar")"
echo "  models ($(ls "$app/models" | wc -l)):               $(mb "$app/models")"
echo "  total:                    $(mb "$out/jre" "$app")"
