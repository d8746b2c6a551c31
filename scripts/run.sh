#!/usr/bin/env bash
# Runs the packaged server as the image does: java @server/jvm.options, ONNX Runtime's natives loaded from a folder
# they were extracted to once (server/target/onnxruntime-native, refreshed when the libraries change) instead of
# copied out of the jar on every start, plus the JDK's AOT cache (server/target/mathsketch.aot) when one was recorded
# for the jar at hand.
#
#   scripts/run.sh                      start the server (configuration: environment variables, README table)
#   scripts/run.sh --record-aot-cache   record the cache from a training run of real requests, then exit
#
# The cache (JDK 25+: classes loaded and linked ahead of time, method profiles; JEP 483/514/515) is only valid for
# exactly this jar, its libraries and these JVM options, so it is recorded after each package and ignored (with a
# message) when older than the jar. Cold-start figures with and without it: scripts/cold-start.sh, docs/deployment.md.
# Needs: ./mvnw -B -ntp -pl server -am package -DskipTests.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >&2

jar=server/target/mathsketch-server.jar
cache=server/target/mathsketch.aot
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp -pl server -am package -DskipTests" >&2; exit 1; }
# shellcheck source=scripts/lib/native-libraries.sh
source scripts/lib/native-libraries.sh
major=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
  awk -F'= ' '/java.specification.version/ { print $2 }')

if [ "${1:-}" = "--record-aot-cache" ]; then
  [ "$major" -ge 25 ] || { echo "the AOT cache needs a JDK 25 or newer (this is $major)" >&2; exit 1; }
  rm -f "$cache"
  # The same training run as the image's (deploy/image/record-aot-cache.sh), with the same options and jar path
  # as the command below, from the same folder.
  MATHSKETCH_AOT_SAMPLE=server/scripts/sample-7.png \
    deploy/image/record-aot-cache.sh "$cache" java @server/jvm.options "${native[@]}" -jar "$jar"
  exit 0
fi

aot=()
if [ "$major" -ge 25 ] && [ -f "$cache" ]; then
  if [ "$cache" -nt "$jar" ]; then
    aot=("-XX:AOTCache=$cache")
  else
    echo "Ignoring $cache: older than $jar (record it again: scripts/run.sh --record-aot-cache)" >&2
  fi
fi
exec java @server/jvm.options "${native[@]}" "${aot[@]}" -jar "$jar" "$@"
