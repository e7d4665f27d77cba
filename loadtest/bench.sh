#!/usr/bin/env bash
# The engine against this machine's limits, in one run, side by side (about 17 minutes; see BENCHMARKS.md):
#   1. PostgreSQL: 50-row multi-VALUES ballot inserts, one commit each (pgbench, 4 clients)
#   2. Redis: the tally's Lua script on fresh representatives (redis-benchmark, pipelined)
#   3. a bare Vert.x 5 endpoint that parses the same JSON body and answers 201 (wrk), warmed up
#   4. the engine, warmed up: durable ballots/s at saturation, one token per representative (wrk, same driver as 3),
#      with the CPU each process used meanwhile
#   5. the engine: BroadcastNight bursts of 3,000 (five times) and 30,000 representatives through the real login path (Gatling),
#      then seal, export and verify those two sessions, and the cost of a Prometheus scrape
#   6. the first 30,000-ballot burst on a just-started engine (wrk, exactly 30,000 ballots), against the warmed rate
#   7. a Spike of 3,000 (Gatling: every ballot sent in the same instant)
#   8. async-profiler flame graphs of the engine at saturation and in a first burst (loadtest/target/bench/flamegraph-*)
# Its last lines are the ratios issue 18 set as targets, all from this one run (so the machine's noise cancels).
# Uses the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379), in databases of its own.
# DURATION (seconds per measured wrk/pgbench run, 10), WARM (engine warm-up seconds, 15), ROSTER (300000),
# ENGINE_JAVA (the java that runs the engine: java), ENGINE_JVM_OPTS (its options, e.g. -XX:+UseZGC).
set -euo pipefail
cd "$(dirname "$0")/.."
out=loadtest/target/bench
mkdir -p "$out"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -n1)
psql() { command psql -h 127.0.0.1 -U postgres -qAt "$@"; }
DURATION=${DURATION:-10}
trap 'kill $(jobs -p) 2> /dev/null || true' EXIT   # no server left holding 8088-8090 when a step fails
WARM=${WARM:-15}
ROSTER=${ROSTER:-300000}
ENGINE_JAVA=${ENGINE_JAVA:-java}
ENGINE_JVM_OPTS=${ENGINE_JVM_OPTS:-}
BURST=30000
command -v wrk > /dev/null || apt-get install -y -qq wrk > /dev/null
cpu_by_process() {  # every process name with the CPU ticks of its processes, summed
  # utime + stime, plus cutime + cstime: a server's exited children (pgbench's backends) count in their parent
  for p in /proc/[0-9]*; do awk '{gsub(/[()]/, "", $2); print $2, $14 + $15 + $16 + $17}' "$p/stat" 2> /dev/null || true; done |
    awk '{t[$1] += $2} END {for (k in t) print k, t[k]}' | sort
}
ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cores_between() {  # before-file after-file name seconds → cores that name used
  join "$1" "$2" | awk -v n="$3" -v dt="$4" '$1 == n {printf "%.3f", ($3 - $2) / 100 / dt}'
}
[ -x /usr/bin/time ] || apt-get install -y -qq time > /dev/null

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
"$PGBIN/pgbench" -n -h 127.0.0.1 -U postgres -f loadtest/bench/insert.sql -c 4 -j 2 -T 3 pingyi_bench_raw > /dev/null 2>&1
cpu_by_process > "$out/cpu-pg-before.txt"; t0=$(date +%s.%N)
"$PGBIN/pgbench" -n -h 127.0.0.1 -U postgres -f loadtest/bench/insert.sql -c 4 -j 2 -T "$DURATION" pingyi_bench_raw > "$out/pgbench.txt" 2>&1
cpu_by_process > "$out/cpu-pg-after.txt"; pg_elapsed=$(python3 -c "print($(date +%s.%N) - $t0)")
pg_tps=$(grep -oP 'tps = \K[0-9.]+' "$out/pgbench.txt" | head -1)
pg_rows=$(python3 -c "print(round($pg_tps * 50))")
pg_raw_cores=$(cores_between "$out/cpu-pg-before.txt" "$out/cpu-pg-after.txt" postgres "$pg_elapsed")
pg_us_per_row=$(python3 -c "print(round($pg_raw_cores * $pg_elapsed / ($pg_tps * 50 * $pg_elapsed) * 1e6, 2))")

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
until curl -s -o /dev/null http://127.0.0.1:8089/; do sleep 0.2; done
printf 'none\n%.0s' $(seq 1000) > "$out/dummy-tokens.txt"
wrk -t2 -c256 -d"${DURATION}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8089/api/v1/sessions/econ1/ballots \
  -- "$out/dummy-tokens.txt" 2 > "$out/wrk-bare-warmup.txt" 2>&1
bare_ticks=$(ticks_of $bare)
wrk -t2 -c256 -d"${DURATION}s" --latency -s loadtest/bench/ballot.lua http://127.0.0.1:8089/api/v1/sessions/econ1/ballots \
  -- "$out/dummy-tokens.txt" 2 > "$out/wrk-bare.txt" 2>&1
bare_ticks=$(( $(ticks_of $bare) - bare_ticks ))
kill $bare
bare_rps=$(grep -oP 'Requests/sec:\s+\K[0-9.]+' "$out/wrk-bare.txt")
bare_requests=$(grep -oP '^\s+\K[0-9]+(?= requests in)' "$out/wrk-bare.txt")
bare_us_per_request=$(python3 -c "print(round($bare_ticks / 100 / $bare_requests * 1e6, 2))")
bare_p99=$(grep -oP '^\s+99%\s+\K\S+' "$out/wrk-bare.txt")

# 4 + 5. the engine on the machine's servers, trusting the load test's face-auth provider. The roster is large
# enough that the measured run never runs out of representatives who have not voted yet.
psql -c "DROP DATABASE IF EXISTS pingyi_bench WITH (FORCE)"
redis-cli -n 13 flushdb > /dev/null
roster="$out/roster-$ROSTER.csv"
[ -f "$roster" ] || java -jar engine/target/pingyi-engine.jar roster generate --size "$ROSTER" --seed 7 --out "$roster" 2> /dev/null
start_engine() {  # → $engine, and $ready_ms: from the JVM's start until /health/ready answers 200
  local t
  t=$(date +%s%N)
  ( source loadtest/target/keys/engine.env
    export PINGYI_PG_URL=postgresql://postgres@127.0.0.1:5432/pingyi_bench PINGYI_REDIS_URL=redis://127.0.0.1:6379/13
    export PINGYI_ROSTER="$roster" PINGYI_HTTP_PORT=8088 PINGYI_MANAGEMENT_PORT=8090 PINGYI_DATA_DIR="$out/data"
    # shellcheck disable=SC2086
    exec "$ENGINE_JAVA" -Xmx1g $ENGINE_JVM_OPTS -Xlog:gc:file="$out/gc-$1.log" -jar engine/target/pingyi-engine.jar \
      > "$out/engine-$1.out" 2> "$out/engine-$1.log" ) &
  engine=$!
  until curl -fs -o /dev/null http://127.0.0.1:8088/health/ready; do
    kill -0 $engine 2> /dev/null || { echo "the engine stopped; see $out/engine-$1.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - t) / 1000000 ))
}
# A first start makes the database and imports the roster; tokens are minted from it. Then the engine the
# evening meets: a fresh JVM, whose first burst is measured before anything else warms it.
start_engine import
operator=$(grep -oP '^operator=\K.*' loadtest/target/keys/admin-tokens.properties)
open_session() { curl -fs -o /dev/null -X POST -H "Authorization: Bearer $operator" "http://127.0.0.1:8088/api/v1/admin/sessions/$1/open"; }
for session in econ1-2024 econ2-2024 service-2024 enforcement-2024; do open_session $session; done
java -cp "$CP" org.pingyi.loadtest.bench.MintAccessTokens jdbc:postgresql://127.0.0.1:5432/pingyi_bench "$ROSTER" "$out/tokens.txt" \
  "$out/data/keys/access-token.jwk"
head -n "$BURST" "$out/tokens.txt" > "$out/tokens-burst.txt"
tail -n +$(( BURST + 1 )) "$out/tokens.txt" > "$out/tokens-rest.txt"
kill $engine; wait $engine 2> /dev/null || true
start_engine fresh
fresh_ready_ms=$ready_ms
wrk -t2 -c256 -d20s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-burst.txt" 2 econ1 once > "$out/wrk-first-burst.txt" 2>&1
# The burst's span as the database saw it: from the first ballot's commit to the last one's.
read -r first_created first_seconds < <(psql -d pingyi_bench -F ' ' -c "SELECT count(*),
  round(extract(epoch FROM max(submitted_at) - min(submitted_at))::numeric, 2) FROM ballots WHERE session_id = 'econ1-2024'")
first_rate=$(python3 -c "print(round($first_created / $first_seconds))")
# Warm up first (the JIT compiles the ballot path): the same load on another session, then measure on a fresh one.
wrk -t2 -c256 -d"${WARM}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ2-2024/ballots \
  -- "$out/tokens.txt" 2 econ2 > "$out/wrk-warmup.txt" 2>&1
cpu_by_process > "$out/cpu-before.txt"
engine_ticks=$(awk '{print $14 + $15}' /proc/$engine/stat)
t0=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$out/wrk-cpu.txt" wrk -t2 -c256 -d"${DURATION}s" --latency -s loadtest/bench/ballot.lua \
  http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots -- "$out/tokens-rest.txt" 2 econ1 > "$out/wrk-engine.txt" 2>&1
cpu_by_process > "$out/cpu-after.txt"
engine_ticks=$(( $(awk '{print $14 + $15}' /proc/$engine/stat) - engine_ticks ))
elapsed=$(python3 -c "print($(date +%s.%N) - $t0)")
stored=$(( $(psql -d pingyi_bench -c "SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'") - first_created ))
engine_rps=$(python3 -c "print(round($stored / $DURATION))")
engine_p99=$(grep -oP '^\s+99%\s+\K\S+' "$out/wrk-engine.txt")
cores() { join "$out/cpu-before.txt" "$out/cpu-after.txt" | awk -v n="$1" -v dt="$elapsed" '$1 == n {printf "%.2f", ($3 - $2) / 100 / dt}'; }
engine_cores=$(python3 -c "print(f'{$engine_ticks / 100 / $elapsed:.2f}')"); pg_cores=$(cores postgres); redis_cores=$(cores redis-server)
wrk_cores=$(awk -v dt="$elapsed" '{printf "%.2f", ($1 + $2) / dt}' "$out/wrk-cpu.txt")
cpu_per_1000=$(python3 -c "print(round($engine_cores * $elapsed / ($stored / 1000), 3))")
engine_us_per_ballot=$(python3 -c "print(round($engine_cores * $elapsed / $stored * 1e6, 2))")
pg_us_per_ballot=$(python3 -c "print(round($pg_cores * $elapsed / $stored * 1e6, 2))")

# Gatling bursts: every representative logs in through the face-auth provider, then all submit within 5 s.
night() {  # label, representatives, session, login seconds, extra properties → "N submits, p50 …, verification …"
  touch "$out/night-$1.started"; sleep 1
  mvn -B -ntp -q -pl loadtest gatling:test -Dgatling.simulationClass=org.pingyi.loadtest.${SIMULATION:-BroadcastNight} \
    -Dpingyi.url=http://127.0.0.1:8088 -Dpingyi.roster="$PWD/$roster" -Dpingyi.session="$3" \
    -Dpingyi.representatives="$2" -Dpingyi.loginSeconds="$4" -Dpingyi.slowShare=0 $5 > "$out/gatling-$1.txt" 2>&1 || true
  local report
  report=$(find loadtest/target/gatling -maxdepth 1 -name "$(echo "${SIMULATION:-BroadcastNight}" | tr 'A-Z' 'a-z')-*" \
    -newer "$out/night-$1.started" | head -1)/
  [ "$report" != / ] || { echo "no Gatling report for $1, see $out/gatling-$1.txt"; return; }
  python3 - "$report" <<'PY2'
import glob, re, sys
page = open(glob.glob(sys.argv[1] + "req_submit-*.html")[0]).read()
v = dict(re.findall(r'<td class="title">([^<]+)</td>\s*<td class="total">([^<]*)</td>', page))
print(f"{v['Total count']} submits, p50 {v['50th percentile']} ms, p99 {v['99th percentile']} ms, max {v['Max']} ms", end="")
PY2
  grep -q 'VERIFICATION PASSED' "$out/gatling-$1.txt" && echo ", verification passed" || echo ", VERIFICATION FAILED"
}
roster_slice() {  # first, count, file: the roster's active representatives first..first+count-1 (1-based), as a roster
  python3 - "$roster" "$3" "$1" "$2" <<'PY2'
import csv, sys
rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
out = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"), lineterminator="\n")
first, count = int(sys.argv[3]), int(sys.argv[4])
header = next(rows); out.writerow(header); status = header.index("status"); seen = 0
for r in rows:
    if r[status] == "active":
        seen += 1
        if seen >= first: out.writerow(r)
        if seen == first + count - 1: break
PY2
}
# BroadcastNight 3,000, five times (the target is p99 ≤ 50 ms in five runs of five), each with 3,000 representatives
# of its own on the same session: the roster's first 3,000 active ones, then four slices after the Spike's.
night3k=$(night 3000-1 3000 service-2024 30 "")
for run in 2 3 4 5; do
  roster_slice $(( 36001 + (run - 2) * 3000 )) 3000 "$out/roster-night-$run.csv"
  night3k="$night3k
$(night 3000-$run 3000 service-2024 30 "-Dpingyi.roster=$PWD/$out/roster-night-$run.csv")"
done
# 30,000 connections of their own would pass this machine's open-file limit (20,000): they share a pool, as behind
# the app's gateway.
night30k=$(night 30000 30000 enforcement-2024 120 "-Dpingyi.shareConnections=true")
# Spike: 3,000 others (the roster's active representatives after the first 33,000) send at the same instant.
roster_slice 33001 3000 "$out/roster-spike.csv"
spike=$(SIMULATION=Spike night spike-3000 3000 service-2024 30 "-Dpingyi.roster=$PWD/$out/roster-spike.csv")
# Close, seal, export and verify both sessions; what one Prometheus scrape costs.
auditor=$(grep -oP '^auditor=\K.*' loadtest/target/keys/admin-tokens.properties)
since() { python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.2f}')" "$1"; }
seal_and_verify() {  # session → "N ballots: seal X s, export Y s, verify Z s: <verdict>"
  local base=http://127.0.0.1:8088/api/v1 t seal export verify verdict
  curl -fs -o /dev/null -X POST -H "Authorization: Bearer $operator" "$base/admin/sessions/$1/close"
  t=$(date +%s.%N); curl -fs -o /dev/null -X POST -H "Authorization: Bearer $operator" "$base/admin/sessions/$1/seal"; seal=$(since "$t")
  curl -fs -H "Authorization: Bearer $auditor" "$base/sessions/$1/results" > "$out/results-$1.json"
  t=$(date +%s.%N)
  curl -fs -o "$out/ballots-$1.ndjson" -H "Authorization: Bearer $auditor" "$base/admin/sessions/$1/ballots.ndjson"
  export=$(since "$t")
  t=$(date +%s.%N)
  verdict=$(java -jar engine/target/pingyi-engine.jar verify --ballots "$out/ballots-$1.ndjson" --results "$out/results-$1.json" 2>&1 | head -c 80 || true)
  verify=$(since "$t")
  echo "$(wc -l < "$out/ballots-$1.ndjson") ballots: seal $seal s, export $export s, verify $verify s: ${verdict%%:*}"
}
sealed3k=$(seal_and_verify service-2024)
sealed30k=$(seal_and_verify enforcement-2024)
scrape_ms=$(python3 - <<'PY'
import time, urllib.request
for _ in range(5):
    urllib.request.urlopen("http://127.0.0.1:8090/metrics").read()
t = time.time()
for _ in range(50):
    urllib.request.urlopen("http://127.0.0.1:8090/metrics").read()
print(round((time.time() - t) / 50 * 1000, 1))
PY
)
heap=$(curl -s http://127.0.0.1:8090/metrics | python3 -c "import sys; print(round(sum(float(l.split()[-1]) for l in sys.stdin
  if l.startswith('jvm_memory_used_bytes{area=\"heap\"')) / 1048576))")
kill $engine; wait $engine 2> /dev/null || true

# 8. Where the CPU goes: async-profiler flame graphs of a saturation run (after 45 s of warming) and of a first burst,
# each on a fresh copy of this run's database (loadtest/bench/compare/, pingyi_bench_tpl made again from pingyi_bench).
psql -c "DROP DATABASE IF EXISTS pingyi_bench_tpl WITH (FORCE)"
rm -f "$out"/profile-*.collapsed "$out"/flamegraph-*.html
export JAVA=$ENGINE_JAVA OPTS=$ENGINE_JVM_OPTS
bash loadtest/bench/compare/profile.sh engine/target/pingyi-engine.jar cpu 45 > "$out/profile-saturation.txt" 2>&1 || true
bash loadtest/bench/compare/profile-burst.sh engine/target/pingyi-engine.jar cpu > "$out/profile-first-burst.txt" 2>&1 || true
mv -f "$out/profile-cpu.html" "$out/flamegraph-saturation.html" 2> /dev/null || true
mv -f "$out/profile-burst-cpu.html" "$out/flamegraph-first-burst.html" 2> /dev/null || true
shares() {  # collapsed stacks → the five largest shares of CPU by summarize.py's categories, on one line
  [ -f "$1" ] || { echo "no profile (see $out/profile-*.txt)"; return; }
  python3 loadtest/bench/compare/summarize.py "$1" 1 | sed -n '/^== categories/,/^$/p' | sed '1d;/^$/d' | head -5 |
    sed 's/^ *//' | paste -sd';' | sed 's/;/, /g'
}

cat <<TABLE
| what (this machine, 2 cores, driver on the same cores) | figure |
|---|---|
| PostgreSQL, 50-row multi-VALUES inserts, 4 clients (pgbench) | $pg_tps commits/s = $pg_rows rows/s |
| Redis, tally Lua script on new representatives, pipelined (redis-benchmark) | $redis_ops scripts/s |
| bare Vert.x 5 parse-JSON-and-201, warmed up (wrk -t2 -c256) | $bare_rps req/s, p99 $bare_p99 |
| engine, warmed up, durable ballots/s at saturation (wrk -t2 -c256, one token per representative of $ROSTER) | $engine_rps ballots/s ($stored stored in ${DURATION} s), p99 $engine_p99 |
| CPU during that run, in cores of 2: engine / PostgreSQL / Redis / wrk | $engine_cores / $pg_cores / $redis_cores / $wrk_cores |
| engine CPU per 1,000 ballots (saturation run) | $cpu_per_1000 CPU-seconds |
| engine BroadcastNight, 3,000 representatives, five runs (Gatling, own connections) | $(paste -sd';' <<< "$night3k" | sed 's/;/ · /g') |
| engine BroadcastNight, 30,000 representatives (Gatling, shared connections) | $night30k |
| close + seal + export + verify, the 3,000-ballot session | $sealed3k |
| close + seal + export + verify, the 30,000-ballot session | $sealed30k |
| one Prometheus scrape of /metrics (mean of 50) | $scrape_ms ms |
| engine heap after the runs | $heap MiB |
| ratio engine ÷ bare HTTP | $(python3 -c "print(round($engine_rps / $bare_rps * 100, 1))") % |
| ratio engine ÷ PostgreSQL batch-insert rows/s | $(python3 -c "print(round($engine_rps / $pg_rows * 100, 1))") % |
| engine Spike, 3,000 representatives, every ballot in the same instant (Gatling) | $spike |
| engine started fresh (engine java: $ENGINE_JAVA $ENGINE_JVM_OPTS): ready after | $fresh_ready_ms ms |
| its first $BURST-ballot burst (wrk -t2 -c256, nothing before it) | $first_created created in $first_seconds s = $first_rate ballots/s |
| CPU per request: bare server / engine per ballot / PostgreSQL per ballot / PostgreSQL per raw row | $bare_us_per_request / $engine_us_per_ballot / $pg_us_per_ballot / $pg_us_per_row µs |
| engine CPU at saturation, largest shares (flame graph: $out/flamegraph-saturation.html) | $(shares "$out/profile-cpu.collapsed") |
| engine CPU in a first burst, largest shares (flame graph: $out/flamegraph-first-burst.html) | $(shares "$out/profile-burst-cpu.collapsed") |
TABLE
spike_max=$(grep -oP 'max \K[0-9]+(?= ms)' <<< "$spike" || echo "?")
night_p99=$(grep -oP 'p99 \K[0-9]+(?= ms)' <<< "$night3k" | paste -sd' ' || echo "?")
python3 - <<PY
bare, pg, redis, sat = $bare_rps, $pg_rows, $redis_ops, $engine_rps
composite = 1 / (1 / bare + 1 / pg + 1 / redis)
def line(what, value, target, ok):
    print(f"{what}: {value} (target {target}) {'met' if ok else 'NOT MET'}")
print(f"composite ceiling 1/(1/{bare:.0f} + 1/{pg:.0f} + 1/{redis:.0f}) = {composite:,.0f} ballots/s")
line("saturation ÷ composite ceiling", f"{sat:,.0f} ÷ {composite:,.0f} = {sat / composite:.1%}", "≥ 80 %", sat / composite >= 0.8)
e, b = $engine_us_per_ballot, $bare_us_per_request
line("engine CPU per ballot ÷ bare CPU per request", f"{e} ÷ {b} µs = {e / b:.2f} ×", "≤ 2.5 ×", e / b <= 2.5)
p, r = $pg_us_per_ballot, $pg_us_per_row
line("PostgreSQL CPU per ballot ÷ per raw row", f"{p} ÷ {r} µs = {p / r:.2f} ×", "≤ 1.5 ×", p / r <= 1.5)
f = $first_rate
line("first $BURST-ballot burst ÷ warmed saturation", f"{f:,} ÷ {sat:,.0f} = {f / sat:.1%}", "≥ 70 %", f / sat >= 0.7)
n = [int(p) for p in "$night_p99".split() if p.isdigit()]
line("BroadcastNight 3,000 p99, five runs", " / ".join(map(str, n)) + " ms", "≤ 50 ms in 5 of 5",
     len(n) == 5 and all(p <= 50 for p in n))
m = "$spike_max"
line("Spike 3,000, last ballot committed", f"{m} ms", "≤ 500 ms", m.isdigit() and int(m) <= 500)
PY
