-- wrk: every request is one representative's ballot with a token of its own (tokens.txt, one per line);
-- threads take disjoint tokens. Counts answers by status; once the tokens run out requests repeat (409s), or, with
-- "once", only ask /health/live (no ballot) until the run ends: a burst of exactly the file's ballots, whose span
-- bench.sh reads from the database. Arguments after --: token file, number of wrk threads, group (econ1 or econ2:
-- which departments to score), and "once" for a burst.
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
  local file = args[1] or "tokens.txt"
  for line in io.lines(file) do tokens[#tokens + 1] = line end
  step = tonumber(args[2] or "2")
  body = bodies[args[3] or "econ1"]
  once = args[4] == "once"
  next_index = id + 1
  -- wrk calls the first thread's request() once after init to check the script, and sends nothing of it: that call
  -- gets the slot before the first token, so no ballot of the file is skipped (a burst is exactly the file's).
  if id == 0 then next_index = next_index - step end
  counts = {}
end

function request()
  local token = tokens[next_index]
  next_index = next_index + step
  if token == nil and once then
    return wrk.format("GET", "/health/live")
  end
  token = token or tokens[1]
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status)
  if not (once and status == 200) then counts[status] = (counts[status] or 0) + 1 end
end

function done(summary, latency, requests)
  local created = 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      io.write(string.format("status %s: %d\n", status, n))
      if status == 201 then created = created + n end
    end
  end
  io.write(string.format("created %d\n", created))
end
