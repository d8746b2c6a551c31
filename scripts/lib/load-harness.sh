# Sourced, from the repository root, by the scripts that put the packaged server under load on a PostgreSQL and check
# every row it acknowledged (scripts/cluster.sh, scripts/resilience.sh), so that they prepare, count and report alike.
# Sets server_jar, bench_jar (the load clients) and sample (the 280x280 canvas PNG every request POSTs). Defines:
#   check_needs                  exits 2 unless the packaged jars, curl and psql are there
#   open_report NAME             makes target/NAME-<UTC time>; sets work (that folder) and report (work/report.md)
#   say TEXT...                  prints a line and appends it to the report
#   now_ms                       epoch milliseconds
#   json FIELD JSON              a field of a load client's one-line JSON answer
#   start_watchdog               after $limit seconds, TERM to the script (its INT/TERM trap exits 2); sets watchdog_pid
#   count_acknowledged IDS [SCHEMA]
#                                prints "<lost> <rows> <distinct>" through the caller's psql_db: ids in the file IDS
#                                missing from recognitions, rows in recognitions, distinct ids in IDS
#   exit_on_failed_checks        prints each of failed_checks as a FAIL line (and into the report) and exits 1, if any

server_jar=server/target/mathsketch-server.jar
bench_jar=benchmarks/target/benchmarks.jar
sample=server/scripts/sample-7.png

check_needs() {
  local f
  for f in "$server_jar" "$bench_jar"; do
    [ -f "$f" ] || { echo "ERROR: $f is missing: run ./mvnw -B -ntp -pl server,benchmarks -am package -DskipTests" >&2; exit 2; }
  done
  command -v curl >/dev/null || { echo "ERROR: curl is needed" >&2; exit 2; }
  command -v psql >/dev/null || { echo "ERROR: psql is needed (Debian: postgresql-client)" >&2; exit 2; }
}

open_report() {
  work=$(pwd)/target/$1-$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$work"
  report=$work/report.md
}
say() { echo "$*" | tee -a "$report"; }
now_ms() { date +%s%3N; }
json() { # field json
  sed -n "s/.*\"$1\": \([^,}]*\).*/\1/p" <<< "$2"
}

# Bounded in time: the watchdog ends the script (and so, through its EXIT trap, everything it started).
start_watchdog() {
  trap 'echo "$(basename "$0"): interrupted or out of time (${limit}s)" >&2; exit 2' INT TERM
  ( sleep "$limit"; kill -TERM $$ ) 2>/dev/null &
  watchdog_pid=$!
}

count_acknowledged() {
  psql_db <<SQL
${2:+SET search_path TO $2;}
CREATE TEMP TABLE acknowledged (id CHAR(36));
\\copy acknowledged FROM '$1'
SELECT (SELECT count(*) FROM acknowledged a WHERE NOT EXISTS (SELECT 1 FROM recognitions r WHERE r.id = a.id))
    || ' ' || (SELECT count(*) FROM recognitions) || ' ' || (SELECT count(DISTINCT id) FROM acknowledged);
SQL
}

exit_on_failed_checks() {
  if [ "${#failed_checks[@]}" -gt 0 ]; then
    printf 'FAIL: %s\n' "${failed_checks[@]}" | tee -a "$report" >&2
    exit 1
  fi
}
