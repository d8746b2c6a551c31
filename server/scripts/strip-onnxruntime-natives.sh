#!/usr/bin/env bash
# Removes the ONNX Runtime natives of every platform but linux-x64 from the onnxruntime jar in a libs folder:
# the jar carries macOS, Windows and ARM builds (with debug symbols), about 115 MB the Linux image never loads.
# Usage: strip-onnxruntime-natives.sh <libs-folder>
set -euo pipefail
libs="${1:?usage: $0 <libs-folder>}"
shopt -s nullglob
jars=("$libs"/onnxruntime-[0-9]*.jar "$libs"/onnxruntime_gpu-[0-9]*.jar)
if [ ${#jars[@]} -eq 0 ]; then
  echo "no onnxruntime jar in $libs" >&2
  exit 1
fi
for jar in "${jars[@]}"; do
  zip -q -d "$jar" 'ai/onnxruntime/native/osx-*' 'ai/onnxruntime/native/win-*' 'ai/onnxruntime/native/linux-aarch64/*'
  listing=$(unzip -l "$jar")
  if ! grep -q 'ai/onnxruntime/native/linux-x64/libonnxruntime.so' <<< "$listing"; then
    echo "linux-x64 natives missing from $jar after stripping" >&2
    exit 1
  fi
done
