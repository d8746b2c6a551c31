-- wrk script: every request POSTs the same image as a raw body to the URL given on the command line.
--   BENCH_BODY          file to send (required)
--   BENCH_CONTENT_TYPE  its media type (default image/png)
-- done() prints one line "RESULT {json}" with throughput and latency percentiles, which bench-http.sh collects.
-- wrk is closed-loop: a connection sends its next request only after the previous answer, so under overload the
-- latencies understate what an open stream of users would see (coordinated omission).

local file = assert(io.open(assert(os.getenv("BENCH_BODY"), "BENCH_BODY is not set"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "image/png"

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, ' ..
    '"max_ms": %.3f, "mean_ms": %.3f, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
