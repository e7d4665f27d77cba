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
burst=$(first_burst 4)
profiler_stop "$lib" "$file"
echo "${3:-$1}: ready after $ready_ms ms; first burst $burst, profiled: $file.collapsed $file.html"
kill $engine; wait $engine 2> /dev/null
