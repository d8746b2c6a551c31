#!/usr/bin/env bash
# The runtime image's layout and sizes, built without Docker exactly as the Dockerfile builds it:
#   1. deploy/image/assemble.sh target/image (the Dockerfile's build stage: app = server jar + libraries with ONNX
#      Runtime reduced to its linux-x64 natives, also extracted to native/ + every committed model (models/) + jvm.options;
#      jre = jlink'd runtime);
#   2. the final stage's AOT cache, recorded in that layout with the jlink'd java (deploy/image/record-aot-cache.sh:
#      50 recognitions and 12 other requests, all of which must succeed, so this also proves the jlink'd runtime
#      has every module the server needs).
# Prints the sizes (bytes on disk, MB = 10^6 bytes) and writes them to target/image/sizes.md. The image adds
# debian:bookworm-slim (~75 MB uncompressed) below these.
#
# Usage: scripts/image-size.sh   (after ./mvnw -B -ntp -pl server -am package -DskipTests; needs a JDK 25+ for jlink
# and the cache, which scripts/select-jdk.sh finds under /usr/lib/jvm when it is the first 21+ one)
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >/dev/null
out=$PWD/target/image
deploy/image/assemble.sh "$out" > /dev/null
app=$out/app
# As in the Dockerfile's final stage: from the app folder, with the absolute paths the entrypoint uses.
(cd "$app" && PATH="$out/jre/bin:$PATH" ./record-aot-cache.sh "$app/mathsketch.aot" java @"$app/jvm.options" \
  -Donnxruntime.native.path="$app/native" -jar "$app/mathsketch-server.jar" > /dev/null)
rm -rf "$app/data"

mb() { du -sb "$@" | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }'; }
{
  echo "| part (scripts/image-size.sh, $(date -u '+%Y-%m-%d')) | MB |"
  echo "|---|---:|"
  echo "| jlink'd runtime ($(tr -d '[:space:]' < server/scripts/runtime-modules.txt | awk -F, '{ print NF }') modules, JDK $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ { print $2 }')) | $(mb "$out/jre") |"
  echo "| libraries (server/target/libs, ONNX Runtime linux-x64 only) | $(mb "$app/libs") |"
  echo "| &nbsp;&nbsp;of which ONNX Runtime | $(mb "$app"/libs/onnxruntime-*.jar) |"
  echo "| ONNX Runtime natives extracted from it (native/, loaded in place) | $(mb "$app/native") |"
  echo "| server jar | $(mb "$app/mathsketch-server.jar") |"
  echo "| models (every committed model folder of models/) | $(mb "$app/models") |"
  echo "| AOT cache (recorded in the layout) | $(mb "$app/mathsketch.aot") |"
  echo "| **total, above the base image** | **$(mb "$out/jre" "$app")** |"
} | tee "$out/sizes.md"
