#!/usr/bin/env bash
# The image's entrypoint (also what `fly deploy` and Kubernetes run): maps a platform's DATABASE_URL onto the server's
# DB_* settings, then starts the server with ONNX Runtime's natives loaded where the image extracted them and with the
# AOT cache recorded when the image was built.
#
# DATABASE_URL is what `fly postgres attach` (and Heroku-style platforms) set: postgres://user:password@host:port/db
# ?params. The server takes JDBC, so it becomes DB_URL=jdbc:postgresql://host:port/db?params with DB_USER and
# DB_PASSWORD percent-decoded. Explicit DB_URL / DB_USER / DB_PASSWORD win over it.
set -euo pipefail
app="${MATHSKETCH_HOME:-/app}"

percent_decode() { # %XX escapes of a URL's user-info part
  printf '%b' "${1//%/\\x}"
}

if [ -n "${DATABASE_URL:-}" ] && [ -z "${DB_URL:-}" ]; then
  pattern='^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?(\[[0-9A-Fa-f:.]+\]|[^/:?]+)(:([0-9]+))?(/([^?]*))?(\?(.*))?$'
  if [[ ! "$DATABASE_URL" =~ $pattern ]]; then
    echo "DATABASE_URL is not a postgres://user:password@host:port/database URL; set DB_URL (JDBC) instead" >&2
    exit 2
  fi
  user="${BASH_REMATCH[3]}" password="${BASH_REMATCH[5]}" host="${BASH_REMATCH[6]}"
  port="${BASH_REMATCH[8]:-5432}" database="${BASH_REMATCH[10]}" query="${BASH_REMATCH[12]}"
  export DB_URL="jdbc:postgresql://$host:$port/$database${query:+?$query}"
  if [ -n "$user" ] && [ -z "${DB_USER:-}" ]; then export DB_USER; DB_USER=$(percent_decode "$user"); fi
  if [ -n "$password" ] && [ -z "${DB_PASSWORD:-}" ]; then export DB_PASSWORD; DB_PASSWORD=$(percent_decode "$password"); fi
fi

native=()
# Extracted at build time (assemble.sh): without it ONNX Runtime copies its library out of the jar on every start.
if [ -d "$app/native" ]; then native=("-Donnxruntime.native.path=$app/native"); fi
aot=()
# Recorded at build time for exactly these jars and this runtime; without it the server starts all the same.
# MATHSKETCH_AOT_CACHE=none starts without it (to compare).
cache="${MATHSKETCH_AOT_CACHE:-$app/mathsketch.aot}"
if [ -f "$cache" ]; then aot=("-XX:AOTCache=$cache"); fi
exec java @"$app/jvm.options" "${native[@]}" "${aot[@]}" -jar "$app/mathsketch-server.jar" "$@"
