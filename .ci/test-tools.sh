#!/usr/bin/env bash
# Tools the tests use besides Java and Maven, installed from Debian's packages and the npm registry when missing.
# The Maven build runs this before the tests, so `mvn -B verify` works on a fresh machine of this kind. Chromium
# comes from Debian (never a browser download); Playwright is only the driver (playwright-core); axe-core audits
# the pages' accessibility inside it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

need_apt=()
# prometheus brings promtool and the server the Prometheus test starts; nginx is the balancer test's load balancer.
{ command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; } || need_apt+=(prometheus)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
# Debian's docker-compose (1.29) reads, interpolates and merges the compose files without a Docker engine.
command -v docker-compose >/dev/null 2>&1 || need_apt+=(docker-compose)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)   # certificates for the PostgreSQL TLS test
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# A CJK font, so screenshots of the Chinese pages are readable.
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need_apt+=(fonts-wqy-zenhei)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The roster draw's reference implementation (docs/draw-reference.py) is checked against the engine.
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# Replicated servers of the failover tests: a primary and standby, a Sentinel group, a Cluster.
compgen -G "/usr/lib/postgresql/*/bin/pg_basebackup" >/dev/null || need_apt+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || need_apt+=(redis-tools)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "test tools missing (${need_apt[*]}): install them with apt-get as root" >&2
    exit 1
  fi
  echo "installing test tools: ${need_apt[*]}"
  apt-get update -qq
  # policy-rc.d keeps the packages' own services (nginx on port 80, prometheus on 9090) from starting: the tests
  # start their own on free ports.
  policy="/usr/sbin/policy-rc.d"
  [ -e "$policy" ] || { printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; added_policy=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  [ -z "${added_policy:-}" ] || rm -f "$policy"
fi

browser="$here/engine/src/test/browser"
if [ ! -d "$browser/node_modules/playwright-core" ] || [ ! -d "$browser/node_modules/axe-core" ]; then
  (cd "$browser" && npm ci --no-audit --no-fund --silent)
fi
