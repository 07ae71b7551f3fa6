-- wrk script for bench/http: POSTs an `extend` to one assignment, each time one day later than
-- the last (2025-07-01, 2025-07-02, ...), so the engine accepts every request.
local token = os.getenv("BEVAKA_TOKEN")
local day = 0
local base = os.time({ year = 2025, month = 7, day = 1, hour = 12 })

request = function()
  day = day + 1
  local deadline = os.date("!%Y-%m-%d", base + day * 86400)
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"event": "extend", "deadline": "' .. deadline .. '"}')
end
