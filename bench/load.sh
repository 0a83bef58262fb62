#!/usr/bin/env bash
# Load test of `tessera serve` on loopback: /api/events with a mix of filters (bench/load.lua),
# a bounded run of wrk (Debian's package), and the server's resident memory before and after.
# Usage: bench/load.sh STORE.db [SECONDS] [CONNECTIONS]
set -euo pipefail
db=${1:?usage: bench/load.sh STORE.db [SECONDS] [CONNECTIONS]}
secs=${2:-30}
conns=${3:-32}
bin=${TESSERA_BIN:-target/release/tessera}
port=${PORT:-8787}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
"$bin" --db "$db" serve --bind "127.0.0.1:$port" > /tmp/tessera-load.out 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "serving" /tmp/tessera-load.out 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { cat /tmp/tessera-load.out; exit 1; }
    sleep 0.5
done
head -1 /tmp/tessera-load.out
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
curl -sf "http://127.0.0.1:$port/api/health"; echo
# Warm-up (first requests build connection pools and page the view in).
wrk -t1 -c8 -d3s -s bench/load.lua "http://127.0.0.1:$port" > /dev/null
echo "RSS after warm-up: $(rss)"
wrk -t1 -c"$conns" -d"${secs}s" --latency -s bench/load.lua "http://127.0.0.1:$port"
echo "RSS after run 1: $(rss)"
wrk -t1 -c"$conns" -d"${secs}s" --latency -s bench/load.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
echo "RSS after run 2: $(rss)"
