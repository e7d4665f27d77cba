#!/usr/bin/env bash
# The balancer scenario at scale (BENCHMARKS.md, "Behind the load balancer"): Debian's nginx with
# config/nginx/nginx.conf in front of two engine processes on this machine's PostgreSQL and Redis; PHONES phones
# (default: 3000, then 8000) hold the session stream, hear a session open, log in through the real face-auth path and
# all vote at once, first through nginx, then straight to the engines. Not part of CI. Redis: PINGYI_TEST_REDIS
# (default redis://127.0.0.1:6379, databases 1-15 flushed).
#
# Open files: one process may hold 20,000 here (ulimit -n). The driver holds two connections per phone (its stream
# and its API connection: 16,000 at 8,000 phones), each nginx worker half of the 2 × 2 per phone (client and upstream
# of each, ~16,000 at 8,000 over two workers), each engine its half of the streams plus the API connections (~8,000).
set -euo pipefail
cd "$(dirname "$0")/.."
out=loadtest/target/balancer-bench
mkdir -p "$out"
read -r -a sizes <<< "${PHONES:-3000 8000}"
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || bash .ci/test-tools.sh

echo "building…" >&2
mvn -B -ntp -q -DskipTests install
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/cp.txt"
CP="$PWD/engine/target/test-classes:$PWD/engine/target/classes:$(cat "$out/cp.txt")"
for n in "${sizes[@]}"; do
  roster="$out/roster-$n.csv"
  [ -f "$roster" ] || java -jar engine/target/pingyi-engine.jar roster generate --size "$n" --seed 7 --out "$roster" 2> /dev/null
  echo "== $n phones ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  # The engines inherit the class path and run from the project directory (EngineProcess).
  (cd engine && java -cp "$CP" org.pingyi.bench.BalancerBench --phones "$n" --roster "$OLDPWD/$roster") \
    2> "$out/bench-$n.log" | tee "$out/bench-$n.txt"
done
