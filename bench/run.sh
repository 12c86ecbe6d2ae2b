#!/usr/bin/env bash
# The reference server against Prism and a bare Jersey endpoint, on the same request mix (mix.lua: show a group,
# list a page, restart), one after the other on this machine, each after a warm-up. Prints requests/s, p50 and p99
# latency, start-up time and RSS per target, the ratios, and the memory of 10,000 groups.
#   bash bench/run.sh            (from the repository root; builds what is missing)
# Environment: DURATION (seconds measured, default 20), WARMUP (default 15), CONNECTIONS (default 32).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-32}
OUT=bench/target
mkdir -p "$OUT"

if ! command -v wrk > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
[ -f server-stub/target/ha-reference-server.jar ] || mvn -B -q install -DskipTests
[ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund
javac -d "$OUT" -cp server-stub/target/ha-reference-server.jar bench/src/BareJersey.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# Starts a target, waits for GET / (polling, bounded), and records its start-up time.
start() { # name port command...
  local name=$1 port=$2; shift 2
  local begin; begin=$(now_ms)
  "$@" > "$OUT/$name.log" 2>&1 &
  echo $! > "$OUT/$name.pid"
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/" > /dev/null; then
      echo $(( $(now_ms) - begin )) > "$OUT/$name.startup"
      return 0
    fi
    sleep 0.05
  done
  echo "$name did not start; see $OUT/$name.log" >&2
  return 1
}

stop() { kill "$(cat "$OUT/$1.pid")" 2> /dev/null || true; wait "$(cat "$OUT/$1.pid")" 2> /dev/null || true; }

# Warm-up, then the measured run; prints "requests/s p50 p99 non2xx".
load() { # port
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/mix.lua "http://127.0.0.1:$1" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/mix.lua "http://127.0.0.1:$1" > "$OUT/wrk-$1.txt"
  awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$5}
    END {printf "%s %s %s %s\n", rps, p50, p99, (bad==""?0:bad)}' "$OUT/wrk-$1.txt"
}

trap 'stop reference; stop prism; stop bare' EXIT

REF=$(free_port)
start reference "$REF" java -Xmx128m -jar server-stub/target/ha-reference-server.jar --port "$REF" --durations immediate
curl -sf -X POST -H 'Content-Type: application/json' -d '{"scenario": "documented"}' "http://127.0.0.1:$REF/_emulator/reset" > /dev/null
curl -sf -X PUT -H 'Content-Type: application/json' -d '{"profile": "immediate"}' "http://127.0.0.1:$REF/_emulator/durations" > /dev/null
read -r REF_RPS REF_P50 REF_P99 REF_BAD < <(load "$REF")
REF_RSS=$(rss_mb "$(cat "$OUT/reference.pid")")

# 10,000 groups: load them, measure the memory and the cost of a page.
python3 - "$OUT/world-10k.json" <<'PY'
import json, sys
accounts = {"id": "1234", "instances": [], "haInstances": []}
for i in range(10000):
    gid, src, rep = f"00000000-0000-4000-8000-{i:012d}", f"10000000-0000-4000-8000-{i:012d}", f"20000000-0000-4000-8000-{i:012d}"
    ds = {"type": "mysql", "version": "5.7"}
    accounts["instances"] += [{"id": src, "name": f"s{i}", "flavorId": "2", "volume": 1, "datastore": ds, "haId": gid},
                              {"id": rep, "name": f"r{i}", "flavorId": "2", "volume": 1, "datastore": ds, "haId": gid, "replicaOf": src}]
    accounts["haInstances"].append({"id": gid, "name": f"g{i}", "state": "ACTIVE", "datastore": ds, "flavorId": 2,
                                    "volume": 1, "sourceId": src, "replicaIds": [rep]})
json.dump({"nextId": 1, "accounts": [accounts]}, open(sys.argv[1], "w"))
PY
curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$OUT/world-10k.json" "http://127.0.0.1:$REF/_emulator/state" > /dev/null
page_ms() { # average of 200 GETs of one page, in ms
  local begin; begin=$(date +%s%N)
  for _ in $(seq 1 200); do curl -sf -o /dev/null -H 'X-Auth-Token: e3b2c743aebf467fb6b91cbb644c036e' "http://127.0.0.1:$REF$1"; done
  echo "scale=2; ($(date +%s%N) - $begin) / 200 / 1000000" | bc
}
PAGE_FIRST=$(page_ms "/v1.0/1234/ha?limit=20")
PAGE_DEEP=$(page_ms "/v1.0/1234/ha?limit=20&marker=00000000-0000-4000-8000-000000009000")
jcmd "$(cat "$OUT/reference.pid")" GC.run > /dev/null 2>&1 || true
RSS_10K=$(rss_mb "$(cat "$OUT/reference.pid")")
stop reference

PRISM=$(free_port)
start prism "$PRISM" env SCARF_ANALYTICS=false node_modules/.bin/prism mock -h 127.0.0.1 -p "$PRISM" openapi/target/ha-api.yaml
read -r PRISM_RPS PRISM_P50 PRISM_P99 PRISM_BAD < <(load "$PRISM")
PRISM_RSS=$(rss_mb "$(pgrep -f "prism mock -h 127.0.0.1 -p $PRISM" | tail -1)")
stop prism

BARE=$(free_port)
start bare "$BARE" java -Xmx128m -cp "$OUT:server-stub/target/ha-reference-server.jar" BareJersey "$BARE"
read -r BARE_RPS BARE_P50 BARE_P99 BARE_BAD < <(load "$BARE")
BARE_RSS=$(rss_mb "$(cat "$OUT/bare.pid")")
stop bare

ratio() { echo "scale=2; $1 / $2" | bc; }
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), node $(node --version), wrk -t2 -c$CONNECTIONS, ${WARMUP} s warm-up, ${DURATION} s measured"
  printf '%-18s %10s %9s %9s %9s %11s %8s\n' target requests/s p50 p99 non-2xx start-up RSS
  printf '%-18s %10s %9s %9s %9s %9sms %6sMB\n' reference-server "$REF_RPS" "$REF_P50" "$REF_P99" "$REF_BAD" "$(cat "$OUT/reference.startup")" "$REF_RSS"
  printf '%-18s %10s %9s %9s %9s %9sms %6sMB\n' prism "$PRISM_RPS" "$PRISM_P50" "$PRISM_P99" "$PRISM_BAD" "$(cat "$OUT/prism.startup")" "$PRISM_RSS"
  printf '%-18s %10s %9s %9s %9s %9sms %6sMB\n' bare-jersey "$BARE_RPS" "$BARE_P50" "$BARE_P99" "$BARE_BAD" "$(cat "$OUT/bare.startup")" "$BARE_RSS"
  echo "reference / prism: $(ratio "$REF_RPS" "$PRISM_RPS") x requests/s (target >= 12)"
  echo "reference / bare Jersey: $(ratio "$REF_RPS" "$BARE_RPS") of requests/s (target >= 0.85)"
  echo "10,000 groups: RSS ${RSS_10K} MB with -Xmx128m (target <= 300); first page ${PAGE_FIRST} ms, page at marker 9000 ${PAGE_DEEP} ms (curl, one at a time)"
} | tee "$OUT/results.txt"
