# Sourced by the scripts that start the packaged server from the repository root (scripts/run.sh, scripts/cold-start.sh)
# so that they start it alike. Defines:
#   native   the java options that load ONNX Runtime's natives from server/target/onnxruntime-native, extracted there
#            once per package (server/scripts/extract-onnxruntime-natives.sh says why); empty when they cannot be
#            extracted, and ONNX Runtime then copies them out of its jar on each start as before.
natives=server/target/onnxruntime-native
for ort_jar in server/target/libs/onnxruntime-[0-9]*.jar server/target/libs/onnxruntime_gpu-[0-9]*.jar; do
  if [ -f "$ort_jar" ] && { [ ! -d "$natives" ] || [ "$ort_jar" -nt "$natives" ]; }; then
    server/scripts/extract-onnxruntime-natives.sh server/target/libs "$natives" >&2 || rm -rf "$natives"
  fi
done
native=()
if [ -d "$natives" ]; then native=("-Donnxruntime.native.path=$natives"); fi
