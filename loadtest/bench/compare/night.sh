#!/usr/bin/env bash
# night.sh JAR [label] [BroadcastNight|Spike]: 3,000 representatives on a just-started engine of JAR (Gatling: logins
# over 30 s, then every ballot within 5 s, or all in one instant for Spike); submit latencies and the verification.
source "$(dirname "$0")/common.sh"
SIM=${3:-BroadcastNight}
template
start_engine "$1"
echo "${2:-$1} $SIM: $(night_3000 "$SIM")"
kill $engine; wait $engine 2> /dev/null
