# Sourced by the scripts that start servers on private loopback ports (scripts/cold-start.sh, scripts/bench-http.sh,
# and through scripts/lib/private-postgres.sh scripts/cluster.sh and scripts/resilience.sh). Defines:
#   free_port   prints a TCP port on 127.0.0.1 that nothing listens on (a random one from 20000-49999)

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
