#!/usr/bin/env bash
# Runs soketi 1.6.1 on 127.0.0.1:6001 with the benchmark's app, for a side-by-side run:
#   bash src/bench/soketi/start.sh &
#   mvn -B -Pbench -DskipTests verify -Dbench.port=6001 -Dbench.pid=$(pgrep -f soketi-server)
# soketi's uWebSockets.js dependency points at GitHub; package.json maps it to the npm republish
# uwebsockets@3.0.6. Its cluster discovery (UDP) is bound to loopback.
set -euo pipefail
cd "$(dirname "$0")"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
export SOKETI_HOST=127.0.0.1 SOKETI_PORT=6001 \
  SOKETI_DEFAULT_APP_ID=bench-app SOKETI_DEFAULT_APP_KEY=bench-key SOKETI_DEFAULT_APP_SECRET=bench-secret \
  SOKETI_CLUSTER_HOST=127.0.0.1 SOKETI_CLUSTER_BROADCAST_ADDRESS=127.255.255.255 \
  SOKETI_METRICS_SERVER_HOST=127.0.0.1
exec node_modules/.bin/soketi start
