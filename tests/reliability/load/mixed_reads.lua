-- wrk script for scripts/loadtest: mixed read endpoints of docs/api.md over
-- the generated policy graph (node keys n0…; national goals are n0–n49).
-- Each thread walks its own rotation of requests. Every response is checked:
-- a status other than 200, or a body that is not one JSON object (does not
-- start with '{' and end with '}'), counts as bad; done() prints the totals
-- on lines scripts/loadtest reads ("loadtest: bad_status N", "malformed N").
local paths = {
  "/api/health",
  "/api/stats",
  "/api/search?q=%E5%9B%BD%E5%AE%B6%E7%9B%AE%E6%A0%87&limit=10",          -- 国家目标
  "/api/search?q=%E5%85%A8%E5%9B%BD%E8%A1%8C%E5%8A%A8&limit=10",          -- 全国行动
  "/api/nodes/n%d",
  "/api/nodes/n%d/neighbors?limit=20",
  "/api/nodes/n%d/neighbors?types=SUPPORTS&direction=in&limit=50",
  "/api/paths?from=n%d&to=n3&max=4",
  "/api/query?q=MATCH%20(g%3AGoal%20%7Bname%3A'%E5%9B%BD%E5%AE%B6%E7%9B%AE%E6%A0%873'%7D)%3C-%5B%3ASUPPORTS%5D-(m)%20RETURN%20m.name%20LIMIT%2010",
  "/api/curation",
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  bad_status = 0
  malformed = 0
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

function request()
  counter = counter + 1
  local p = paths[(counter % #paths) + 1]
  if p:find("%%d") then
    p = string.format(p, math.random(0, 200))
  end
  return wrk.format("GET", p)
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
    if bad_status <= 5 then io.stderr:write("loadtest: status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  elseif body:sub(1, 1) ~= "{" or body:sub(-1) ~= "}" then
    malformed = malformed + 1
  end
end

function done(summary, latency, requests)
  local b, m = 0, 0
  for _, t in ipairs(threads) do
    b = b + (t:get("bad_status") or 0)
    m = m + (t:get("malformed") or 0)
  end
  io.write(string.format("loadtest: bad_status %d\n", b))
  io.write(string.format("loadtest: malformed %d\n", m))
  io.write(string.format("loadtest: p50_ms %.2f p99_ms %.2f max_ms %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
