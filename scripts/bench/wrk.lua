-- wrk script for the benchmarks: round-robin over the paths listed in a file (one per line),
-- printing one JSON line with the request count, errors and p50/p95/p99 latency in ms.
-- Usage: wrk -t1 -c50 -d10s -s wrk.lua http://127.0.0.1:PORT -- paths.txt
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end

function request()
  counter = counter + 1
  return wrk.format('GET', paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"errors":%d,"seconds":%.3f,"p50":%.3f,"p95":%.3f,"p99":%.3f}\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
