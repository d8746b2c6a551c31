#!/usr/bin/env bash
# Extracts ONNX Runtime's native libraries for this OS and CPU from the onnxruntime jar in a libs folder into a
# folder, for -Donnxruntime.native.path=<folder>. Without that property ONNX Runtime copies its ~20 MB library out
# of the jar into a fresh temporary folder on every start (0.8-1 s of CPU per start on the 2-core machine:
# docs/deployment.md, "Run command, AOT cache and cold start"); with it, the start loads the library where it already is.
# The run command (scripts/run.sh) and the image (deploy/image/assemble.sh, entrypoint.sh) use it.
# Usage: extract-onnxruntime-natives.sh <libs-folder> <out-folder>
set -euo pipefail
libs="${1:?usage: $0 <libs-folder> <out-folder>}"
out="${2:?usage: $0 <libs-folder> <out-folder>}"
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=osx ;;
  *) echo "no ONNX Runtime natives for $(uname -s) in the jar" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "no ONNX Runtime natives for $(uname -m) in the jar" >&2; exit 1 ;;
esac
shopt -s nullglob
jars=("$libs"/onnxruntime-[0-9]*.jar "$libs"/onnxruntime_gpu-[0-9]*.jar)
[ ${#jars[@]} -eq 1 ] || { echo "expected one onnxruntime jar in $libs, found ${#jars[@]}" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
# -j: the libraries themselves, flat (what ONNX Runtime looks for in the folder); macOS debug symbols left out.
skip=()
[ "$os" = osx ] && skip=(-x "ai/onnxruntime/native/$os-$arch/*.dSYM/*")
unzip -q -o -j "${jars[0]}" "ai/onnxruntime/native/$os-$arch/*" "${skip[@]}" -d "$out"
ls "$out"/*onnxruntime4j_jni* > /dev/null 2>&1 \
  || { echo "no ONNX Runtime JNI library for $os-$arch in ${jars[0]}" >&2; exit 1; }
