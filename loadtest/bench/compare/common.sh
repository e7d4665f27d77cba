# Shared by the comparison scripts beside it: the engine of a jar on a fresh copy of the benchmark's database, the
# machine's PostgreSQL and Redis (db 13), the bench's roster, keys and tokens (run `bash loadtest/bench.sh` once first).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
out=loadtest/target/bench
JAVA=${JAVA:-java}
OPTS=${OPTS:-}
psql() { command psql -h 127.0.0.1 -U postgres -qAt "$@"; }

# pingyi_bench_tpl: the benchmark's database (schema, edition, 300,000 representatives, every session open), no ballots.
template() {
  if [ "$(psql -c "SELECT count(*) FROM pg_database WHERE datname = 'pingyi_bench_tpl'")" = 0 ]; then
    psql -c "CREATE DATABASE pingyi_bench_tpl TEMPLATE pingyi_bench" > /dev/null
    psql -d pingyi_bench_tpl -c "ALTER TABLE ballots DISABLE TRIGGER USER" -c "TRUNCATE ballots, ballot_forms CASCADE" \
      -c "ALTER TABLE ballots ENABLE TRIGGER USER" -c "UPDATE sessions SET state = 'open'" -c "VACUUM ANALYZE" > /dev/null
  fi
  # The bench's tokens live an hour (MintAccessTokens): mint them again from the same key when they are older.
  if [ -n "$(find "$out/tokens.txt" -mmin +50 2> /dev/null)" ]; then
    java -cp "loadtest/target/test-classes:$(cat "$out/cp.txt")" org.pingyi.loadtest.bench.MintAccessTokens \
      jdbc:postgresql://127.0.0.1:5432/pingyi_bench_tpl 300000 "$out/tokens.txt" "$out/data/keys/access-token.jwk" 2> /dev/null
    head -n 30000 "$out/tokens.txt" > "$out/tokens-burst.txt"
    tail -n +30001 "$out/tokens.txt" > "$out/tokens-rest.txt"
  fi
  psql -c "DROP DATABASE IF EXISTS pingyi_ab WITH (FORCE)" -c "CREATE DATABASE pingyi_ab TEMPLATE pingyi_bench_tpl" -c "CHECKPOINT" > /dev/null
  redis-cli -n 13 flushdb > /dev/null
}

# start_engine JAR → $engine (pid), $ready_ms; CONFIG names another engine.yaml (an older jar refuses newer keys)
start_engine() {
  local t
  if curl -s -o /dev/null http://127.0.0.1:8088/health/live; then
    echo "something already answers on 8088 (an engine left running?); stop it first" >&2
    exit 1
  fi
  t=$(date +%s%N)
  ( source loadtest/target/keys/engine.env
    export PINGYI_PG_URL=postgresql://postgres@127.0.0.1:5432/pingyi_ab PINGYI_REDIS_URL=redis://127.0.0.1:6379/13
    export PINGYI_ROSTER="$out/roster-300000.csv" PINGYI_HTTP_PORT=8088 PINGYI_MANAGEMENT_PORT=8090 PINGYI_DATA_DIR="$out/data"
    [ -n "${CONFIG:-}" ] && export PINGYI_CONFIG=$CONFIG
    # shellcheck disable=SC2086
    exec $JAVA -Xmx1g $OPTS -jar "$1" > "$out/compare-engine.out" 2> "$out/compare-engine.log" ) &
  engine=$!
  trap 'kill $engine 2> /dev/null' EXIT
  until curl -fs -o /dev/null http://127.0.0.1:8088/health/ready; do
    kill -0 $engine 2> /dev/null || { echo "the engine stopped; see $out/compare-engine.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - t) / 1000000 ))
}

postgres_ticks() {  # every postgres process, exited backends included (in the postmaster's children's times)
  for p in /proc/[0-9]*; do awk '{gsub(/[()]/, "", $2); if ($2 == "postgres") print $14 + $15 + $16 + $17}' "$p/stat" 2> /dev/null; done |
    awk '{s += $1} END {print s}'
}

async_profiler() {  # → the path of async-profiler's agent (4.1, from Maven Central), fetched once
  local ap=loadtest/target/async-profiler
  if [ ! -f "$ap/linux-x64/libasyncProfiler.so" ]; then
    mvn -B -ntp -q dependency:get -Dartifact=tools.profiler:async-profiler:4.1 > /dev/null
    mkdir -p "$ap" && (cd "$ap" && unzip -o -q ~/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar)
  fi
  echo "$PWD/$ap/linux-x64/libasyncProfiler.so"
}
# The agent's options reach it through jcmd as one quoted argument.
profiler_start() { jcmd $engine JVMTI.agent_load "$1" "\"start,event=$2,interval=1ms\"" > /dev/null; }
profiler_stop() {  # lib, file without extension: stops, writes collapsed stacks, then the same samples as a flame graph
  jcmd $engine JVMTI.agent_load "$1" "\"stop,file=$2.collapsed,collapsed\"" > /dev/null
  jcmd $engine JVMTI.agent_load "$1" "\"dump,file=$2.html,flamegraph\"" > /dev/null
}

# night_3000 SIMULATION → "N submits, p50 … ms, p99 … ms, max … ms, verification passed|FAILED": 3,000 of the roster's
# representatives on service-2024 (Gatling: logins over 30 s, then every ballot within 5 s, or at once for Spike).
night_3000() {
  touch "$out/compare-night.started"; sleep 1
  mvn -B -ntp -q -o -pl loadtest gatling:test -Dgatling.simulationClass=org.pingyi.loadtest.$1 -Dpingyi.url=http://127.0.0.1:8088 \
    -Dpingyi.roster="$PWD/$out/roster-300000.csv" -Dpingyi.session=service-2024 -Dpingyi.representatives=3000 \
    -Dpingyi.loginSeconds=30 -Dpingyi.slowShare=0 > "$out/compare-gatling.txt" 2>&1
  local report
  report=$(find loadtest/target/gatling -maxdepth 1 -name "$(echo "$1" | tr 'A-Z' 'a-z')-*" -newer "$out/compare-night.started" | head -1)/
  python3 - "$report" <<'PY'
import glob, re, sys
page = open(glob.glob(sys.argv[1] + "req_submit-*.html")[0]).read()
v = dict(re.findall(r'<td class="title">([^<]+)</td>\s*<td class="total">([^<]*)</td>', page))
print(f"{v['Total count']} submits, p50 {v['50th percentile']} ms, p99 {v['99th percentile']} ms, max {v['Max']} ms", end="")
PY
  grep -q 'VERIFICATION PASSED' "$out/compare-gatling.txt" && echo ", verification passed" || echo ", VERIFICATION FAILED"
}

# first_burst → "N ballots in S s = R/s": the 30,000 ballots of tokens-burst.txt on econ1 at once (wrk -t2 -c256), the
# span from the first commit to the last as the database saw it.
first_burst() {
  wrk -t2 -c256 -d"${1:-15}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
    -- "$out/tokens-burst.txt" 2 econ1 once > "$out/compare-burst.txt" 2>&1
  local n s
  read -r n s < <(psql -d pingyi_ab -F ' ' -c "SELECT count(*), round(extract(epoch FROM max(submitted_at) - min(submitted_at))::numeric, 2)
    FROM ballots WHERE session_id = 'econ1-2024'")
  echo "$n ballots in $s s = $(python3 -c "print(round($n / $s))")/s"
}
