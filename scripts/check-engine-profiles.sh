#!/usr/bin/env bash
# Switches the server build between the default (ONNX Runtime only) and -Dwith-pytorch and back, and checks after
# each build that the packaged jar's Class-Path and target/libs hold exactly that profile's engines. Run by CI.
# Usage: scripts/check-engine-profiles.sh   (from anywhere; selects a JDK >= 21 itself)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/select-jdk.sh
source scripts/select-jdk.sh >/dev/null

jar=server/target/mathsketch-server.jar

build() { # $@: extra Maven arguments
  ./mvnw -B -ntp -q -pl server -am package -DskipTests "$@"
}

class_path() { # the jar's Class-Path, its 72-byte continuation lines joined (the JDK's jar tool, no unzip needed)
  local dir
  dir=$(mktemp -d)
  (cd "$dir" && "$JAVA_HOME/bin/jar" xf "$OLDPWD/$jar" META-INF/MANIFEST.MF)
  tr -d '\r' <"$dir/META-INF/MANIFEST.MF" | awk '/^Class-Path:/ { p = 1; sub(/^Class-Path: /, ""); printf "%s", $0; next }
    p && /^ / { sub(/^ /, ""); printf "%s", $0; next } { p = 0 }'
  rm -rf "$dir"
}

expect() { # $1: "with" or "without" PyTorch
  local cp libs
  cp=$(class_path)
  libs=$(ls server/target/libs)
  if [ "$1" = with ]; then
    grep -q 'libs/pytorch-engine-' <<<"$cp" || { echo "FAIL: -Dwith-pytorch jar has no PyTorch in its Class-Path" >&2; exit 1; }
    grep -q '^pytorch-engine-' <<<"$libs" || { echo "FAIL: -Dwith-pytorch build has no PyTorch in target/libs" >&2; exit 1; }
  else
    ! grep -q 'pytorch' <<<"$cp" || { echo "FAIL: default jar still lists PyTorch in its Class-Path" >&2; exit 1; }
    ! grep -q 'pytorch' <<<"$libs" || { echo "FAIL: default build left PyTorch jars in target/libs" >&2; exit 1; }
  fi
  grep -q 'libs/onnxruntime-engine-' <<<"$cp" || { echo "FAIL: the jar's Class-Path lost ONNX Runtime" >&2; exit 1; }
  for entry in $cp; do
    [ -f "server/target/$entry" ] || { echo "FAIL: Class-Path entry $entry is not in target/libs" >&2; exit 1; }
  done
  echo "ok: build $1 PyTorch"
}

# CI runs this right after the default build of `verify`: start from that jar when there is one.
[ -f "$jar" ] || build
expect without
build -Dwith-pytorch
expect with
build
expect without
