-- wrk: a burst of N ballots, each one representative's with a token of its own (tokens.txt, one per line), sent as
-- fast as the connections allow; once a thread's tokens are used it only asks /health/live (no ballot) until the
-- run ends. bench.sh reads the burst's span from the database. Arguments after --: token file, number of wrk
-- threads, group (econ1 or econ2).
local tokens = {}
local threads = {}
local bodies = {
  econ1 = '{"scores":{"D01":"satisfied","D02":"fairly_satisfied","D03":"satisfied","D04":"basically_satisfied",'
    .. '"D05":"satisfied","D06":"dissatisfied","D07":"satisfied","D08":"fairly_satisfied"}}',
  econ2 = '{"scores":{"D09":"satisfied","D10":"fairly_satisfied","D11":"satisfied","D12":"basically_satisfied",'
    .. '"D13":"satisfied","D14":"dissatisfied","D15":"satisfied","D16":"fairly_satisfied"}}' }

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  step = tonumber(args[2] or "2")
  body = bodies[args[3] or "econ1"]
  next_index = id + 1
  counts = {}
end

function request()
  local token = tokens[next_index]
  next_index = next_index + step
  if token == nil then
    -- the share is sent; keep the connection busy with something that is no ballot until the answers are in
    return wrk.format("GET", "/health/live")
  end
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status)
  if status ~= 200 then counts[status] = (counts[status] or 0) + 1 end
end

function done(summary, latency, requests)
  local created = 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      io.write(string.format("status %s: %d\n", status, n))
      if status == 201 then created = created + n end
    end
  end
  io.write(string.format("created %d\n", created))
end
