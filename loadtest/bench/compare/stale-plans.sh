#!/usr/bin/env bash
# stale-plans.sh JAR [label]: the engine of JAR on a fresh copy of the bench's database whose ballots and
# representatives have no statistics (as on a server with autovacuum off: nothing ever analyzes them), 25 s of wrk at
# saturation on econ1, then BroadcastNight 3,000 on service-2024. Prints the submits' latencies, the ballots table's
# sequential scans and the rows they read, and how many statements took 25 ms or more (auto_explain logs each with
# its plan in PostgreSQL's log).
source "$(dirname "$0")/common.sh"
template
psql -d pingyi_ab -c "DELETE FROM pg_statistic WHERE starelid IN ('ballots'::regclass, 'representatives'::regclass)" \
  -c "UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid IN ('ballots'::regclass, 'representatives'::regclass)"
psql -c "ALTER DATABASE pingyi_ab SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE pingyi_ab SET auto_explain.log_min_duration = '25ms'"
# Debian's clusters log to /var/log/postgresql (no logging collector, so pg_current_logfile() is empty)
log=$(ls -t /var/log/postgresql/postgresql-*.log | head -1)
lines=$(wc -l < "$log")
start_engine "$1"
wrk -t2 -c256 -d25s -s loadtest/bench/ballot.lua http://127.0.0.1:8088/api/v1/sessions/econ1-2024/ballots \
  -- "$out/tokens-rest.txt" 2 econ1 > /dev/null 2>&1
night=$(night_3000 BroadcastNight)
read -r scans rows < <(psql -d pingyi_ab -F ' ' -c "SELECT seq_scan, seq_tup_read FROM pg_stat_user_tables WHERE relname = 'ballots'")
slow=$(tail -n +"$lines" "$log" | grep -c 'pingyi_ab LOG:  duration:')
echo "${2:-$1}: $night; ballots: $scans sequential scans reading $rows rows; $slow statements of 25 ms or more"
kill $engine; wait $engine 2> /dev/null
