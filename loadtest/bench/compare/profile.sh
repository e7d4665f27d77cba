#!/usr/bin/env bash
# profile.sh JAR [cpu|alloc|wall] [seconds of warm-up]: async-profiler 4.1 (Maven Central, tools.profiler) attached to
# the engine of JAR for 10 s in the middle of a 20 s saturation run; collapsed stacks into loadtest/target/bench/
# profile-<event>.collapsed (summarise with loadtest/bench/compare/summarize.py).
source "$(dirname "$0")/common.sh"
EVENT=${2:-cpu}
ap=loadtest/target/async-profiler
if [ ! -f "$ap/linux-x64/libasyncProfiler.so" ]; then
  mvn -B -ntp -q dependency:get -Dartifact=tools.profiler:async-profiler:4.1 > /dev/null
  mkdir -p "$ap" && (cd "$ap" && unzip -o -q ~/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar)
fi
lib=$PWD/$ap/linux-x64/libasyncProfiler.so
file=$PWD/$out/profile-$EVENT.collapsed
template
start_engine "$1"
wrk -t2 -c256 -d"${3:-60}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ2-2024/ballots \
  -- "$out/tokens.txt" 2 econ2 > /dev/null 2>&1
( sleep 5; jcmd $engine JVMTI.agent_load "$lib" "\"start,event=$EVENT,interval=1ms,file=$file,collapsed\"" > /dev/null
  sleep 10; jcmd $engine JVMTI.agent_load "$lib" "\"stop,file=$file,collapsed\"" > /dev/null ) &
profiler=$!
wrk -t2 -c256 -d20s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-rest.txt" 2 econ1 > /dev/null 2>&1
wait $profiler 2> /dev/null || true
echo "$file"
kill $engine; wait $engine 2> /dev/null
