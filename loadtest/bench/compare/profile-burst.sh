#!/usr/bin/env bash
# profile-burst.sh JAR [cpu|alloc|wall]: async-profiler attached to a just-started engine of JAR (its warm-up done)
# from the first to the last of its first 30,000 ballots (wrk -t2 -c256, as bench.sh's first burst): collapsed stacks
# in loadtest/target/bench/profile-burst-<event>.collapsed and a flame graph beside them (.html); prints the rate.
source "$(dirname "$0")/common.sh"
EVENT=${2:-cpu}
lib=$(async_profiler)
file=$PWD/$out/profile-burst-$EVENT
template
start_engine "$1"
profiler_start "$lib" "$EVENT"
wrk -t2 -c256 -d4s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-burst.txt" 2 econ1 once > "$out/compare-burst.txt" 2>&1
profiler_stop "$lib" "$file"
read -r n s < <(psql -d pingyi_ab -F ' ' -c "SELECT count(*), round(extract(epoch FROM max(submitted_at) - min(submitted_at))::numeric, 2)
  FROM ballots WHERE session_id = 'econ1-2024'")
echo "${3:-$1}: ready after $ready_ms ms; first burst $n ballots in $s s = $(python3 -c "print(round($n / $s))")/s, profiled: $file.collapsed $file.html"
kill $engine; wait $engine 2> /dev/null
