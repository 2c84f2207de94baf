-- wrk script for bench/faults.sh. Walks through every day of the year, so that each request reads the
-- database (the output cache is off anyway), and counts the answers by status code. At the end it
-- prints one "status CODE COUNT" line per code and the longest request, for faults.sh to read.
local months = { "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december" }
local lengths = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local paths = {}
for m = 1, 12 do
  for d = 1, lengths[m] do
    paths[#paths + 1] = "/day/" .. months[m] .. "-" .. d
  end
end

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

statuses = {}
local position = 0

function init(args)
  position = (id * 97) % #paths -- each thread starts elsewhere in the year
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      total[code] = (total[code] or 0) + count
    end
  end
  local codes = {}
  for code in pairs(total) do codes[#codes + 1] = code end
  table.sort(codes)
  for _, code in ipairs(codes) do
    io.write(string.format("status %d %d\n", code, total[code]))
  end
  local e = summary.errors
  io.write(string.format("socket-errors connect %d read %d write %d timeout %d\n", e.connect, e.read, e.write, e.timeout))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("longest-ms %.1f\n", latency.max / 1000))
  io.write(string.format("p99-ms %.1f\n", latency:percentile(99) / 1000))
end
