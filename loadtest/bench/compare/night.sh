#!/usr/bin/env bash
# night.sh JAR [label] [BroadcastNight|Spike]: 3,000 representatives on a just-started engine of JAR (Gatling: logins
# over 30 s, then every ballot within 5 s, or all in one instant for Spike); submit latencies and the verification.
source "$(dirname "$0")/common.sh"
SIM=${3:-BroadcastNight}
template
start_engine "$1"
touch "$out/compare-night.started"; sleep 1
mvn -B -ntp -q -o -pl loadtest gatling:test -Dgatling.simulationClass=org.pingyi.loadtest.$SIM -Dpingyi.url=http://127.0.0.1:8088 \
  -Dpingyi.roster="$PWD/$out/roster-300000.csv" -Dpingyi.session=service-2024 -Dpingyi.representatives=3000 \
  -Dpingyi.loginSeconds=30 -Dpingyi.slowShare=0 > "$out/compare-gatling.txt" 2>&1
report=$(find loadtest/target/gatling -maxdepth 1 -name "$(echo "$SIM" | tr 'A-Z' 'a-z')-*" -newer "$out/compare-night.started" | head -1)/
python3 - "$report" "${2:-$1} $SIM" <<'PY'
import glob, re, sys
page = open(glob.glob(sys.argv[1] + "req_submit-*.html")[0]).read()
v = dict(re.findall(r'<td class="title">([^<]+)</td>\s*<td class="total">([^<]*)</td>', page))
print(f"{sys.argv[2]}: {v['Total count']} submits, p50 {v['50th percentile']} ms, p99 {v['99th percentile']} ms, max {v['Max']} ms", end="")
PY
grep -q 'VERIFICATION PASSED' "$out/compare-gatling.txt" && echo ", verification passed" || echo ", VERIFICATION FAILED"
kill $engine; wait $engine 2> /dev/null
