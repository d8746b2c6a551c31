-- wrk script: every request POSTs an image as a raw body to the URL given on the command line.
--   BENCH_BODY          file to send, or
--   BENCH_BODY_LIST     a file listing one image path per line: the requests cycle through them (a corpus class)
--   BENCH_CONTENT_TYPE  their media type (default image/png)
--   BENCH_METHOD        POST (default), or GET for a probe (the body file is then empty)
-- Script argument (after "--"): clients per wrk thread (default 32; 0: no request carries an id). Each client sends
-- an X-Client-Id header of its own, as the page's browser sends the cookie it was given and an API client its header;
-- without one the server makes a new owner (a random key in its owner index) for every request, which no real client
-- does. wrk cannot tie a header to a connection, so a thread's requests take turns among its clients.
-- done() prints one line "RESULT {json}" with throughput and latency percentiles, which bench-http.sh collects.
-- wrk is closed-loop: a connection sends its next request only after the previous answer, so under overload the
-- latencies understate what an open stream of users would see (coordinated omission).

local function read(path)
  local file = assert(io.open(path, "rb"))
  local body = file:read("*a")
  file:close()
  return body
end

local paths = {}
local list = os.getenv("BENCH_BODY_LIST")
if list then
  for line in io.lines(list) do
    if line ~= "" then paths[#paths + 1] = line end
  end
else
  paths[1] = assert(os.getenv("BENCH_BODY"), "BENCH_BODY or BENCH_BODY_LIST must be set")
end

wrk.method = os.getenv("BENCH_METHOD") or "POST"
wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "image/png"

-- The requests are formatted once per thread, in init: wrk sets the Host header only then, and a request without
-- one is 400 (HTTP/1.1 requires it). Each thread starts at another image so that connections do not move in step.
local requests = {}
-- Ids are new for every run (its start time), so a run's clients own only that run's recognitions.
local run = string.format("%08x", os.time() % 0x100000000)
function init(args)
  local clients = tonumber(args[1] or "32")
  local bodies = {}
  for i, path in ipairs(paths) do
    bodies[i] = read(path)
  end
  local headers = {}
  for c = 1, clients do
    headers[c] = {["X-Client-Id"] = string.format("bench-%s-%02d-%04d", run, start or 0, c)}
    for name, value in pairs(wrk.headers) do
      headers[c][name] = value
    end
  end
  -- Body by body, each sent by every client in turn: consecutive requests come from different clients.
  for _, body in ipairs(bodies) do
    if clients == 0 then
      requests[#requests + 1] = wrk.format(nil, nil, nil, body)
    end
    for c = 1, clients do
      requests[#requests + 1] = wrk.format(nil, nil, headers[c], body)
    end
  end
end
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("start", counter)
end

local n = 0
function request()
  n = n + 1
  return requests[(n + (start or 0)) % #requests + 1]
end

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
