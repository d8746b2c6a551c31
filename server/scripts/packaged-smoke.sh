#!/usr/bin/env bash
# Runs the packaged server exactly as the Docker image lays it out, without Docker: the server jar, its libs (ONNX
# Runtime stripped to linux-x64) and the committed models copied into a fresh /app-like folder, started with a jlink'd
# runtime of the modules the image uses (runtime-modules.txt), configured only through environment variables.
# It checks readiness, recognises a PNG, checks the environment variables took effect, then stops it with SIGTERM
# and checks the shutdown was graceful.
#
# Usage (from the repository root, after ./mvnw -B -ntp -pl server -am package -DskipTests):
#   server/scripts/packaged-smoke.sh
# Needs: a JDK 21+ in JAVA_HOME (for jlink), curl, zip/unzip.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
scripts="$root/server/scripts"
jar="$root/server/target/mathsketch-server.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp -pl server -am package -DskipTests" >&2; exit 1; }
java_home="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

app="$work/app"
mkdir -p "$app/libs" "$app/models"
cp "$jar" "$app/"
cp "$root"/server/target/libs/*.jar "$app/libs/"
for model in "$root"/models/*/; do
  [ -f "$model/manifest.json" ] && cp -r "$model" "$app/models/$(basename "$model")"
done
cp "$root/server/jvm.options" "$app/jvm.options"
"$scripts/strip-onnxruntime-natives.sh" "$app/libs"
"$scripts/extract-onnxruntime-natives.sh" "$app/libs" "$app/native"
"$java_home/bin/jlink" --add-modules "$(tr -d '[:space:]' < "$scripts/runtime-modules.txt")" \
  --strip-debug --no-header-files --no-man-pages --output "$work/jre"
echo "layout: app $(du -sh "$app" | cut -f1), runtime $(du -sh "$work/jre" | cut -f1)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
# The server refuses an admin token under 32 characters (AdminSettings.MIN_TOKEN_LENGTH).
admin_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
started=$(date +%s%N)
(cd "$app" && SERVER_PORT="$port" ENGINE_WORKERS=2 ENGINE_BATCHING_MAX_BATCH_SIZE=16 ADMIN_TOKEN="$admin_token" \
  exec "$work/jre/bin/java" @jvm.options -Xlog:class+load=info:file="$work/class-load.log" \
    -Donnxruntime.native.path="$app/native" -jar mathsketch-server.jar) > "$work/server.log" 2>&1 &
pid=$!

base="http://localhost:$port"
for _ in $(seq 1 240); do
  if curl -fs "$base/observe/health/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/server.log"; echo "server exited" >&2; exit 1; fi
  sleep 0.5
done
curl -fs "$base/observe/health/ready" > /dev/null || { cat "$work/server.log"; echo "never ready" >&2; exit 1; }
echo "ready after $(( ($(date +%s%N) - started) / 1000000 )) ms"

answer=$(curl -fs -X POST -H 'Content-Type: image/png' --data-binary @"$scripts/sample-7.png" \
  "$base/api/v1/recognitions")
echo "recognition: $answer" | cut -c1-200
echo "$answer" | grep -q '"text":"7"' || { echo "expected 7" >&2; exit 1; }
echo "$answer" | grep -q '"stored":true' || { echo "expected stored" >&2; exit 1; }

# The default engine.models serves every mode: a number (the digit verifier loaded) and an expression (the symbols).
answer=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d '{"mode":"expression","ink":{"width":560,"height":280,"penWidth":12,"strokes":[{"points":[[40,60],[40,220]]},{"points":[[120,140],[200,140]]},{"points":[[160,100],[160,180]]},{"points":[[280,60],[280,220]]},{"points":[[360,120],[440,120]]},{"points":[[360,160],[440,160]]}]}}' \
  "$base/api/v1/recognitions")
echo "expression: $answer" | cut -c1-200
echo "$answer" | grep -q '"text":"1+1="' || { echo "expression mode not served by default (1+1=)" >&2; exit 1; }
echo "$answer" | grep -q '"integer":"2"' || { echo "expected the value 2 for 1+1=" >&2; exit 1; }
models=$(curl -fs "$base/api/v1/models")
# Every committed model folder is loaded by default (the line reader too, listed with "workers": 0).
for folder in "$app"/models/*/; do
  name=$(basename "$folder")
  echo "$models" | grep -q "\"name\":\"$name\"" || { echo "$name not loaded by default: $models" >&2; exit 1; }
done
echo "$models" | grep -q '"workers":2' || { echo "ENGINE_WORKERS not applied: $models" >&2; exit 1; }
echo "$models" | grep -q '"maxBatchSize":16' || { echo "ENGINE_BATCHING_MAX_BATCH_SIZE not applied" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $admin_token" \
  "$base/api/v1/models/mnist-cnn/reload")" = 200 ] || { echo "ADMIN_TOKEN not applied" >&2; exit 1; }
[ -d "$app/data/db" ] || { echo "embedded H2 database not created under the working directory" >&2; exit 1; }

kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then echo "did not stop within 30 s of SIGTERM" >&2; exit 1; fi
grep -q "Shut down" "$work/server.log" || { cat "$work/server.log"; echo "no graceful shutdown" >&2; exit 1; }
if grep -E "NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError" "$work/server.log"; then
  echo "the runtime image lacks a module or native library" >&2; exit 1
fi
pid=""
# The server carries a patched copy of Helidon's DataReader (server/src/main/java/io/helidon/common/buffers): it must
# be the one loaded from the server jar, ahead of Helidon's own in libs/.
grep -E "io\.helidon\.common\.buffers\.DataReader source: .*mathsketch-server\.jar" "$work/class-load.log" > /dev/null || {
  grep "buffers.DataReader " "$work/class-load.log" >&2; echo "Helidon's DataReader was loaded, not the server's patched copy" >&2; exit 1; }
echo "packaged smoke test passed"
