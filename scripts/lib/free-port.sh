# Sourced by the scripts that start servers on private loopback ports (scripts/cold-start.sh, scripts/bench-http.sh,
# and through scripts/lib/private-postgres.sh scripts/cluster.sh and scripts/resilience.sh). Defines:
#   free_port   prints a TCP port on 127.0.0.1 that nothing listens on (a random one from 20000-31999)
# Below Linux's ephemeral range (32768-60999 by default): a port there that nothing listens on can still be taken, before
# the server binds it, as the local end of an outgoing connection (a load client's, a JDBC pool's), and the server then
# fails with "Address already in use" (seen once in CI's resilience run).

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
