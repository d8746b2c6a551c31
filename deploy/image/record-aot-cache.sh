#!/usr/bin/env bash
# Records the JDK's AOT cache (JDK 25+, JEP 483/514/515: classes loaded and linked, method profiles) from a training
# run of real requests: starts the server with -XX:AOTCacheOutput, sends what a user's first minute sends (health,
# digit and number recognitions, listing, feedback, stats, models, the page, an error), stops it with SIGTERM and
# checks the cache was written. Only bash is needed (no curl): it also runs in the image's slim final stage.
#
# Usage: record-aot-cache.sh <cache-file> <java> [java options...] -jar <server-jar>
#   run from the folder the server will run in; the production run must use the same java options and jar path (entrypoint.sh: @/app/jvm.options -jar /app/...).
# Environment: MATHSKETCH_AOT_SAMPLE (a PNG of one digit; default: aot-sample.png beside this script).
set -euo pipefail
cache="${1:?usage: $0 <cache-file> <java> [options...] -jar <jar>}"
shift
sample="${MATHSKETCH_AOT_SAMPLE:-$(dirname "$0")/aot-sample.png}"
[ -f "$sample" ] || { echo "no sample image at $sample" >&2; exit 1; }
java="$1"
shift
log=$(mktemp)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -f "$log"' EXIT

# A private in-memory database and any free port: the training run touches nothing persistent.
SERVER_PORT=0 SERVER_HOST=127.0.0.1 DB_URL="jdbc:h2:mem:aot-training;DB_CLOSE_DELAY=-1" \
  "$java" "-XX:AOTCacheOutput=$cache" "$@" > "$log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(sed -n 's#.*MathSketch is up on http://localhost:\([0-9]*\)/.*#\1#p' "$log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the training run's server exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$log" >&2; echo "the training run's server did not start" >&2; exit 1; }

status=""
body=""
# One HTTP/1.1 exchange over bash's /dev/tcp; sets $status and $body. The response is read
# by its framing (Content-Length or chunks): the server answers "Connection: close" but leaves closing to the client.
http() { # method path [content-type file]
  local method="$1" path="$2" type="${3:-}" file="${4:-}" line length="" chunked="" size
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  {
    # One anonymous client id for the whole run: reads and feedback answer only the client that posted.
    printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Client-Id: aot-cache-training-run\r\n' \
      "$method" "$path"
    if [ -n "$file" ]; then
      printf 'Content-Type: %s\r\nContent-Length: %s\r\n\r\n' "$type" "$(wc -c < "$file")"
      cat "$file"
    else
      printf 'Content-Length: 0\r\n\r\n'
    fi
  } >&3
  IFS=' ' read -r _ status _ <&3
  while IFS= read -r line <&3; do
    line="${line%$'\r'}"
    [ -z "$line" ] && break
    case "${line,,}" in
      content-length:*) length="${line#*: }" ;;
      transfer-encoding:*chunked*) chunked=1 ;;
    esac
  done
  body=""
  if [ -n "$chunked" ]; then
    while IFS= read -r line <&3; do
      size=$((16#${line%$'\r'}))
      [ "$size" -eq 0 ] && break
      body+=$(bytes "$size")
      IFS= read -r line <&3
    done
  elif [ -n "$length" ]; then
    body=$(bytes "$length")
  fi
  exec 3<&-
}
bytes() { # exactly $1 bytes from fd 3 (one read per byte, so nothing past them is consumed); NULs dropped
  dd bs=1 count="$1" status=none <&3 | tr -d '\0'
}
expect() { # status method path [content-type file]
  local want="$1"
  shift
  http "$@"
  [ "$status" = "$want" ] || { echo "training request $* answered $status, expected $want: $body" >&2; exit 1; }
}

feedback=$(mktemp)
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -f "$log" "$feedback"' EXIT
for _ in $(seq 1 100); do http GET /observe/health/ready; [ "$status" = 200 ] && break; sleep 0.2; done
expect 200 GET /observe/health/ready
for _ in $(seq 1 40); do expect 201 POST /api/v1/recognitions image/png "$sample"; done
id=$(sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' <<< "$body" | head -1)
for _ in $(seq 1 10); do expect 201 POST '/api/v1/recognitions?mode=number' image/png "$sample"; done
printf '{"label": "7"}' > "$feedback"
expect 200 PUT "/api/v1/recognitions/$id/feedback" application/json "$feedback"
expect 200 GET "/api/v1/recognitions/$id"
expect 200 GET "/api/v1/recognitions/$id/image"
expect 200 GET '/api/v1/recognitions?limit=20'
expect 200 GET /api/v1/stats
expect 200 GET /api/v1/models
expect 200 GET /
expect 200 GET /observe/health
expect 200 GET /observe/metrics
expect 415 POST /api/v1/recognitions text/plain "$feedback"
expect 404 GET /api/v1/recognitions/00000000-0000-7000-8000-000000000000

kill -TERM "$pid"
wait "$pid" || true
pid=""
[ -s "$cache" ] || { cat "$log" >&2; echo "no AOT cache written to $cache" >&2; exit 1; }
echo "AOT cache recorded: $cache ($(du -h "$cache" | cut -f1)) from 50 recognitions and 12 other requests"
