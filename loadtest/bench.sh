#!/usr/bin/env bash
# The engine against this machine's limits, in one run, side by side (about 4 minutes; see BENCHMARKS.md):
#   1. PostgreSQL: 50-row multi-VALUES ballot inserts, one commit each (pgbench, 4 clients)
#   2. Redis: the tally's Lua script on fresh representatives (redis-benchmark, pipelined)
#   3. a bare Vert.x 5 endpoint that parses the same JSON body and answers 201 (wrk)
#   4. the engine, warmed up: durable ballots/s at saturation, one token per representative (wrk, same driver as 3)
#   5. the engine: BroadcastNight with 3,000 representatives through the real login path (Gatling)
# Uses the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379), in databases of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
out=loadtest/target/bench
mkdir -p "$out"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -n1)
psql() { command psql -h 127.0.0.1 -U postgres -qAt "$@"; }
DURATION=${DURATION:-10}

echo "building…" >&2
mvn -B -ntp -q -DskipTests install
mvn -B -ntp -q -pl loadtest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/cp.txt"
CP="loadtest/target/test-classes:$(cat $out/cp.txt)"
[ -f loadtest/target/keys/engine.env ] || mvn -B -ntp -q -pl loadtest exec:java

# 1. PostgreSQL ceiling
psql -c "DROP DATABASE IF EXISTS pingyi_bench_raw WITH (FORCE)" -c "CREATE DATABASE pingyi_bench_raw"
psql -d pingyi_bench_raw -c "CREATE TABLE bench_ballots (id bigserial PRIMARY KEY, session_id text NOT NULL,
  representative_id text NOT NULL, weight_class text NOT NULL, district text NOT NULL, scores jsonb NOT NULL,
  comments jsonb NOT NULL DEFAULT '{}', survey jsonb NOT NULL DEFAULT '{}', receipt text NOT NULL UNIQUE,
  idempotency_key text, body_hash text NOT NULL, submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, representative_id))"
"$PGBIN/pgbench" -n -h 127.0.0.1 -U postgres -f loadtest/bench/insert.sql -c 4 -j 2 -T "$DURATION" pingyi_bench_raw > "$out/pgbench.txt" 2>&1
pg_tps=$(grep -oP 'tps = \K[0-9.]+' "$out/pgbench.txt" | head -1)
pg_rows=$(python3 -c "print(round($pg_tps * 50))")

# 2. Redis ceiling: the tally script, every call a new representative (so every call does all its increments)
script=$(sed -n '/SOURCE = """/,/""";/p' engine/src/main/java/org/pingyi/tally/TallyScript.java | sed '1d;$d' | sed 's/^      //')
fields=$(for d in D01 D02 D03 D04 D05 D06 D07 D08; do printf '%s|service|satisfied ' "$d"; done)
redis-benchmark -h 127.0.0.1 -p 6379 --dbnum 12 -n 200000 -c 50 -P 16 -r 100000000 -q \
  EVAL "$script" 3 'b:{s}:counted' 'b:{s}:turnout' 'b:{s}:counts' 'rep:__rand_int__' jimo 8 $fields > "$out/redis.txt" 2>&1
redis_ops=$(grep -oP '[0-9.]+(?= requests per second)' "$out/redis.txt" | tail -1)
redis-cli -n 12 flushdb > /dev/null

# 3. bare Vert.x endpoint
java -cp "$CP" org.pingyi.loadtest.bench.BareHttpServer 8089 > "$out/bare.log" 2>&1 &
bare=$!
sleep 4
printf 'none\n%.0s' $(seq 1000) > "$out/dummy-tokens.txt"
wrk -t2 -c256 -d"${DURATION}s" --latency -s loadtest/bench/ballot.lua http://127.0.0.1:8089/api/v1/sessions/econ1/ballots \
  -- "$out/dummy-tokens.txt" 2 > "$out/wrk-bare.txt" 2>&1
kill $bare
bare_rps=$(grep -oP 'Requests/sec:\s+\K[0-9.]+' "$out/wrk-bare.txt")
bare_p99=$(grep -oP '^\s+99%\s+\K\S+' "$out/wrk-bare.txt")

# 4 + 5. the engine on the machine's servers, trusting the load test's face-auth provider, with a 100,000 roster
psql -c "DROP DATABASE IF EXISTS pingyi_bench WITH (FORCE)"
redis-cli -n 13 flushdb > /dev/null
java -jar engine/target/pingyi-engine.jar roster --size 100000 --seed 7 --out "$out/roster-100000.csv" 2> /dev/null
( source loadtest/target/keys/engine.env
  export PINGYI_PG_URL=postgresql://postgres@127.0.0.1:5432/pingyi_bench PINGYI_REDIS_URL=redis://127.0.0.1:6379/13
  export PINGYI_ROSTER="$out/roster-100000.csv" PINGYI_HTTP_PORT=8088 PINGYI_DATA_DIR="$out/data"
  exec java -Xmx1g -jar engine/target/pingyi-engine.jar > "$out/engine.out" 2> "$out/engine.log" ) &
engine=$!
until curl -fs -o /dev/null http://127.0.0.1:8088/health/ready; do sleep 0.5; done
operator=$(grep -oP '^operator=\K.*' loadtest/target/keys/admin-tokens.properties)
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $operator" http://127.0.0.1:8088/api/v1/admin/sessions/econ1-2024/open
java -cp "$CP" org.pingyi.loadtest.bench.MintAccessTokens jdbc:postgresql://127.0.0.1:5432/pingyi_bench 100000 "$out/tokens.txt"
# Warm up first (the JIT compiles the ballot path): the same run on another session, then measure on a fresh one.
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $operator" http://127.0.0.1:8088/api/v1/admin/sessions/econ2-2024/open
wrk -t2 -c256 -d"${DURATION}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ2-2024/ballots \
  -- "$out/tokens.txt" 2 econ2 > "$out/wrk-warmup.txt" 2>&1
cpu() { awk '{print $14 + $15}' /proc/$(pgrep -f 'pingyi-engine.jar$' | head -1)/stat; }
cpu_before=$(cpu)
wrk -t2 -c256 -d"${DURATION}s" --latency -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens.txt" 2 econ1 > "$out/wrk-engine.txt" 2>&1
sleep 2
cpu_after=$(cpu)
stored=$(psql -d pingyi_bench -c "SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'")
engine_rps=$(python3 -c "print(round($stored / $DURATION))")
engine_p99=$(grep -oP '^\s+99%\s+\K\S+' "$out/wrk-engine.txt")
cpu_per_1000=$(python3 -c "print(round(($cpu_after - $cpu_before) / 100 / ($stored / 1000), 3))")

mvn -B -ntp -q -pl loadtest gatling:test -Dgatling.simulationClass=org.pingyi.loadtest.BroadcastNight \
  -Dpingyi.url=http://127.0.0.1:8088 -Dpingyi.roster="$PWD/$out/roster-100000.csv" -Dpingyi.session=service-2024 \
  -Dpingyi.representatives=3000 -Dpingyi.loginSeconds=30 -Dpingyi.slowShare=0 > "$out/gatling.txt" 2>&1 || true
report=$(ls -td loadtest/target/gatling/broadcastnight-*/ | head -1)
night=$(python3 - "$report" <<'PY'
import glob, re, sys
page = open(glob.glob(sys.argv[1] + "req_submit-*.html")[0]).read()
v = dict(re.findall(r'<td class="title">([^<]+)</td>\s*<td class="total">([^<]*)</td>', page))
print(f"{v['Total count']} submits, p50 {v['50th percentile']} ms, p99 {v['99th percentile']} ms, max {v['Max']} ms")
PY
)
verified=$(grep -o 'VERIFICATION PASSED' "$out/gatling.txt" || echo 'VERIFICATION FAILED')
heap=$(curl -s http://127.0.0.1:8088/metrics | python3 -c "import sys; print(round(sum(float(l.split()[-1]) for l in sys.stdin
  if l.startswith('jvm_memory_used_bytes{area=\"heap\"')) / 1048576))")
kill $engine; wait $engine 2> /dev/null || true

cat <<TABLE
| what (this machine, 2 cores, driver on the same cores) | figure |
|---|---|
| PostgreSQL, 50-row multi-VALUES inserts, 4 clients | $pg_tps commits/s = $pg_rows rows/s |
| Redis, tally Lua script on new representatives, pipelined | $redis_ops scripts/s |
| bare Vert.x 5 parse-JSON-and-201 (wrk -t2 -c256) | $bare_rps req/s, p99 $bare_p99 |
| engine, durable ballots/s at saturation (wrk -t2 -c256, one token per representative) | $engine_rps ballots/s ($stored stored in ${DURATION} s), p99 $engine_p99 |
| engine CPU per 1,000 ballots (saturation run) | $cpu_per_1000 CPU-seconds |
| engine BroadcastNight, 3,000 representatives (Gatling) | $night, $verified |
| engine heap after the runs | $heap MiB |
| ratio engine ÷ bare HTTP | $(python3 -c "print(round($engine_rps / $bare_rps * 100, 1))") % |
| ratio engine ÷ PostgreSQL batch-insert rows/s | $(python3 -c "print(round($engine_rps / $pg_rows * 100, 1))") % |
TABLE
