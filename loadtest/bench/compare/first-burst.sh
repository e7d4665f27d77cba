#!/usr/bin/env bash
# first-burst.sh JAR [label]: a just-started engine of JAR (its warm-up included): time to ready, then 30,000
# ballots at once (wrk -t2 -c256); the burst's rate from the database (first commit to last).
source "$(dirname "$0")/common.sh"
template
start_engine "$1"
wrk -t2 -c256 -d15s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-burst.txt" 2 econ1 once > "$out/compare-burst.txt" 2>&1
read -r n s < <(psql -d pingyi_ab -F ' ' -c "SELECT count(*), round(extract(epoch FROM max(submitted_at) - min(submitted_at))::numeric, 2)
  FROM ballots WHERE session_id = 'econ1-2024'")
echo "${2:-$1}: ready after $ready_ms ms; first burst $n ballots in $s s = $(python3 -c "print(round($n / $s))")/s"
kill $engine; wait $engine 2> /dev/null
