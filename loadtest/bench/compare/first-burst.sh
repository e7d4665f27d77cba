#!/usr/bin/env bash
# first-burst.sh JAR [label]: a just-started engine of JAR (its warm-up included): time to ready, then 30,000
# ballots at once (wrk -t2 -c256); the burst's rate from the database (first commit to last).
source "$(dirname "$0")/common.sh"
template
start_engine "$1"
echo "${2:-$1}: ready after $ready_ms ms; first burst $(first_burst)"
kill $engine; wait $engine 2> /dev/null
