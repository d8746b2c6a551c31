# Sourced by scripts that need a database they may kill (scripts/cluster.sh, scripts/resilience.sh): a free loopback
# port, and a private PostgreSQL from Debian's binaries in a temporary folder, on loopback only, trust auth, never the
# machine's shared instance. Defines:
#   free_port                      prints a free TCP port on 127.0.0.1 (scripts/lib/free-port.sh)
#   private_pg_init LOG            initdb into a new temporary folder; sets pg_bin pg_ctl pg_home pg_data pg_port
#   private_pg_start               starts it (waits until it accepts)
#   private_pg_stop                stops it at once (-m immediate) and removes its folder; safe to call twice
#   private_pg_version             its version
# Callers call private_pg_stop from their clean-up trap.

pg_bin="" pg_ctl="" pg_home="" pg_data="" pg_port=""

# shellcheck source=scripts/lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

private_pg_init() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$pg_bin/initdb" ] || { echo "ERROR: no PostgreSQL binaries (Debian: apt-get install postgresql)" >&2; return 2; }
  pg_ctl=$pg_bin/pg_ctl
  pg_port=$(free_port)
  pg_home=$(mktemp -d)
  pg_data=$pg_home/data
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_home"
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 > "$1" 2>&1
}

private_pg_start() {
  as_postgres "$pg_ctl" -D "$pg_data" -l "$pg_home/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $pg_home -c listen_addresses=127.0.0.1" start >/dev/null
}

private_pg_stop() {
  if [ -n "$pg_data" ]; then
    as_postgres "$pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_home"
    pg_data="" pg_home=""
  fi
}

private_pg_version() {
  "$pg_bin/postgres" --version | awk '{ print $3 }'
}
