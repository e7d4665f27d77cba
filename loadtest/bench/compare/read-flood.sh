#!/usr/bin/env bash
# read-flood.sh JAR: what a flood of unauthenticated reads does to a concurrent burst of 1,500 ballots. Three bursts
# on a warmed engine of JAR, each 1,500 other representatives in econ1: alone, under a flood of GET /api/v1/sessions
# and /api/v1/edition (wrk -c$FLOOD_CONNECTIONS, 256), alone again; each burst's span from the database and its answers by status.
source "$(dirname "$0")/common.sh"
template
start_engine "$1"
sed -n '1,1500p' "$out/tokens-burst.txt" > "$out/flood-a.txt"
sed -n '1501,3000p' "$out/tokens-burst.txt" > "$out/flood-b.txt"
sed -n '3001,4500p' "$out/tokens-burst.txt" > "$out/flood-c.txt"
burst() {  # tokens → "N ballots in S s (statuses)"
  local before span
  before=$(psql -d pingyi_ab -c "SELECT coalesce(max(id), 0) FROM ballots")
  wrk -t1 -c64 -d6s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots -- "$1" 1 econ1 once \
    > "$out/flood-burst.txt" 2>&1
  span=$(psql -d pingyi_ab -c "SELECT count(*) || ' ballots in ' || round(extract(epoch FROM max(submitted_at) - min(submitted_at))::numeric, 3)
    FROM ballots WHERE id > $before")
  echo "$span s ($(grep -h '^status' "$out/flood-burst.txt" | tr '\n' ' '))"
}
cat > "$out/flood.lua" <<'LUA'
local paths = { "/api/v1/sessions", "/api/v1/edition" }
local i = 0
function request() i = i + 1; return wrk.format("GET", paths[i % 2 + 1]) end
LUA
echo "alone:        $(burst "$out/flood-a.txt")"
wrk -t1 -c"${FLOOD_CONNECTIONS:-256}" -d20s -s "$out/flood.lua" http://127.0.0.1:8088/ > "$out/flood-wrk.txt" 2>&1 &
flood=$!
sleep 3
echo "under flood:  $(burst "$out/flood-b.txt")"
wait $flood
echo "alone again:  $(burst "$out/flood-c.txt")"
echo "the flood: $(grep -oP 'Requests/sec:\s+\K[0-9.]+' "$out/flood-wrk.txt") reads/s, $(grep -oP '[0-9]+(?= requests in)' "$out/flood-wrk.txt") in 20 s; non-2xx: $(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' "$out/flood-wrk.txt" || echo 0)"
kill $engine; wait $engine 2> /dev/null
