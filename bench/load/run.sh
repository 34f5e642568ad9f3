#!/usr/bin/env bash
# Load test: 50 simulated staff for 5 minutes against the production server
# (`schakel serve`, DEBUG off) on a demo database; prints a JSON summary.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/schakel_load SCHAKEL_HOME=/tmp/load \
#     bench/load/run.sh [USERS] [DURATION]
#
# The database must hold the demo (`schakel demo`). Writes bench/load/results/.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${1:-50}
DURATION=${2:-5m}
PORT=${PORT:-8731}
WORKERS=${WORKERS:-2}
SPAWN=${SPAWN:-1}
OUT=bench/load/results
mkdir -p "$OUT"
export DEBUG=0 COOKIES_SECURE=0 ALLOWED_HOSTS=127.0.0.1,localhost
export SECRET_KEY=${SECRET_KEY:-load-test-only-$(date +%s)-not-for-production-xxxxxxxxxxxxxxxx}
export REQUEST_LOG_LEVEL=WARNING  # keep the server's log quiet during the run

DEBUG=1 .venv/bin/python bench/load/prepare.py --users "$USERS"
.venv/bin/schakel serve --bind "127.0.0.1:$PORT" --workers "$WORKERS" --timeout 120 > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -fs "http://127.0.0.1:$PORT/ready/" > /dev/null && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/ready/"; echo
STARTED=$(date +%s)
.venv/bin/locust -f bench/load/locustfile.py --headless --users "$USERS" --spawn-rate "$SPAWN" \
  --run-time "$DURATION" --host "http://127.0.0.1:$PORT" --only-summary --json \
  > "$OUT/locust.json" 2> "$OUT/locust.log" || true
SECONDS_RUN=$(( $(date +%s) - STARTED ))
META=$(printf '{"users": %s, "duration": "%s", "seconds": %s, "server": "schakel serve (gunicorn, %s workers x 4 threads)", "database": "%s", "cores": %s, "spawn_per_second": %s, "think_time_s": "5-15"}' \
  "$USERS" "$DURATION" "$SECONDS_RUN" "$WORKERS" "${DATABASE_URL%%:*}" "$(nproc)" "$SPAWN")
.venv/bin/python bench/load/summarise.py "$OUT/locust.json" "$META" | tee "$OUT/summary.json"
