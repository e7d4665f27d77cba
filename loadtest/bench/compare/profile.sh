#!/usr/bin/env bash
# profile.sh JAR [cpu|alloc|wall] [seconds of warm-up]: async-profiler 4.1 (Maven Central, tools.profiler) attached to
# the engine of JAR for 8 s in the middle of a 14 s saturation run (over before the run's 270,000 representatives
# run out: their repeats' 409s would fill the access log): collapsed stacks in loadtest/target/bench/
# profile-<event>.collapsed (summarise with loadtest/bench/compare/summarize.py) and a flame graph beside them,
# profile-<event>.html.
source "$(dirname "$0")/common.sh"
EVENT=${2:-cpu}
lib=$(async_profiler)
file=$PWD/$out/profile-$EVENT
template
start_engine "$1"
wrk -t2 -c256 -d"${3:-60}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ2-2024/ballots \
  -- "$out/tokens.txt" 2 econ2 > /dev/null 2>&1
( sleep 3; profiler_start "$lib" "$EVENT"; sleep 8; profiler_stop "$lib" "$file" ) &
profiler=$!
wrk -t2 -c256 -d14s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-rest.txt" 2 econ1 > /dev/null 2>&1
wait $profiler 2> /dev/null || true
echo "$file.collapsed $file.html"
kill $engine; wait $engine 2> /dev/null
