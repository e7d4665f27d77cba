#!/usr/bin/env bash
# saturation.sh JAR [label]: the engine of JAR, warmed WARMS seconds (45) on econ2, then 10 s of wrk on econ1:
# ballots/s, engine and PostgreSQL CPU per ballot, p99. Run two jars in turn, several times: the machine's noise is ±20 %.
source "$(dirname "$0")/common.sh"
template
start_engine "$1"
wrk -t2 -c256 -d"${WARMS:-45}s" -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ2-2024/ballots \
  -- "$out/tokens.txt" 2 econ2 > /dev/null 2>&1
pg0=$(postgres_ticks); e0=$(awk '{print $14 + $15}' /proc/$engine/stat); t0=$(date +%s.%N)
wrk -t2 -c256 -d10s --latency -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-rest.txt" 2 econ1 > "$out/compare-wrk.txt" 2>&1
e1=$(awk '{print $14 + $15}' /proc/$engine/stat); t1=$(date +%s.%N); pg1=$(postgres_ticks)
n=$(psql -d pingyi_ab -c "SELECT count(*) FROM ballots WHERE session_id = 'econ1-2024'")
p99=$(grep -oP '^\s+99%\s+\K\S+' "$out/compare-wrk.txt")
python3 -c "
n, dt = $n, $t1 - $t0
print(f'${2:-$1}: {n / 10:,.0f} ballots/s, engine {($e1 - $e0) / 100 / n * 1e6:.1f} µs/ballot ({($e1 - $e0) / 100 / dt:.2f} cores), PostgreSQL {($pg1 - $pg0) / 100 / n * 1e6:.1f} µs/ballot, p99 $p99')"
kill $engine; wait $engine 2> /dev/null
