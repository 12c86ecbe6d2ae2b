#!/usr/bin/env bash
# The reference server against Prism and a bare Jersey endpoint (bench/src/BareJersey.java, the same container), on
# two request mixes at the same concurrency: reads (mix.lua: show a group, list a page, restart) and writes
# (write-mix.lua: create a group, add an ACL, restart, delete), each after a warm-up. The reference server runs with
# the flags of the README's run command (read from the README, port changed). Also measures its start-up (median and
# worst of 10 starts of that command, polled from the first millisecond: src/StartupProbe.java), its idle RSS, and its
# RSS holding 10,000 groups after the throughput runs, and each target's CPU time per request in the measured windows.
# Prints a verdict line per target of issue 12 and appends the run to docs/benchmarks.md's history with the machine
# and the commit.
#   bash bench/run.sh            (from the repository root; builds what is missing)
# Environment: DURATION (seconds measured per mix and target, default 20, in ROUNDS windows, default 2, alternating
# between the three targets, which run side by side), WARMUP (default 30: with wrk on the same two cores
# the JIT starves, and the bare endpoint measured 2.1k, 4.8k, 5.5k, 7.4k, 10.2k, 17.4k requests/s in six
# consecutive 5 s windows from a cold start; 15 s measured the warm-up, not the server), CONNECTIONS (default 32),
# STARTS (default 10), HISTORY (default on; off for smoke runs that should not be recorded).
set -euo pipefail
trap 'echo "bench/run.sh: failed at line $LINENO (see bench/target/*.log)" >&2' ERR
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
STARTS=${STARTS:-10}
HISTORY=${HISTORY:-on}
OUT=bench/target
[ $((DURATION / ROUNDS)) -ge 1 ] || { echo "bench/run.sh: DURATION ($DURATION s) must give each of ROUNDS ($ROUNDS) windows a second" >&2; exit 2; }
# shellcheck source=bench/reference.sh
. bench/reference.sh
mkdir -p "$OUT"

if ! command -v wrk > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
[ -f "$JAR" ] || mvn -B -q install -DskipTests
[ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund
javac -d "$OUT" -cp "$JAR" bench/src/BareJersey.java bench/src/StartupProbe.java

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# Starts a target and waits for a 200 to GET / (polling, bounded).
start() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" > "$OUT/$name.log" 2>&1 &
  echo $! > "$OUT/$name.pid"
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/"; then return 0; fi
    sleep 0.05
  done
  echo "$name did not start; see $OUT/$name.log" >&2
  return 1
}

stop() { [ -f "$OUT/$1.pid" ] || return 0; kill "$(cat "$OUT/$1.pid")" 2> /dev/null || true; wait "$(cat "$OUT/$1.pid")" 2> /dev/null || true; rm -f "$OUT/$1.pid"; }

# The three targets run side by side and each mix is measured in alternating windows (reference, Prism, bare; then
# again), so that all three see the same machine: this VM's speed drifts by a quarter within minutes, and measured one
# after the other the ratios measured the drift (the bare endpoint alone: 16.0k to 23.5k reads/s in one hour).
warm() { # port script
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$2" "http://127.0.0.1:$1" -- "$CONNECTIONS" > /dev/null
}
# The processes that serve a target's port (Prism's through the CLI's node process).
pids_of() { # port
  case $1 in
    "$REF") cat "$OUT/reference.pid" ;;
    "$PRISM") pgrep -f "prism mock -h 127.0.0.1 -p $PRISM" ;;
    "$BARE") cat "$OUT/bare.pid" ;;
  esac
}
cpu_ticks() { # pids...: the user and system clock ticks they have used so far
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
window() { # port script seconds: one measured window, appended to the target's wrk output for that mix, with the
  # CPU the target used in it (what a request costs the machine, whoever of wrk and the target got the cores)
  local file pids before
  file="$OUT/wrk-$1-$(basename "$2" .lua).txt"
  pids=$(pids_of "$1")
  # shellcheck disable=SC2086 # one pid per word
  before=$(cpu_ticks $pids)
  wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -s "$2" "http://127.0.0.1:$1" -- "$CONNECTIONS" >> "$file"
  # shellcheck disable=SC2086
  echo "cpu-ticks $(($(cpu_ticks $pids) - before))" >> "$file"
}
# Prints "requests/s p50-ms p99-ms non2xx cpu-us-per-request" over a target's windows (equal lengths): the mean rate
# and median, the worst window's p99, every non-2xx answer, the target's CPU time over all its requests.
summary() { # port script
  awk -v tick_us=$((1000000 / $(getconf CLK_TCK))) '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /Requests\/sec/ {rps += $2; n++}
    / requests in / {requests += $1}
    /^ +50%/ {p50 += ms($2)}
    /^ +99%/ {v = ms($2); if (v > p99) p99 = v}
    /Non-2xx/ {bad += $5}
    /^cpu-ticks/ {ticks += $2}
    END {printf "%.0f %.2f %.2f %d %.0f\n", rps / n, p50 / n, p99, bad, ticks * tick_us / requests}' "$OUT/wrk-$1-$(basename "$2" .lua).txt"
}
measure() { # script: warms each target, then ROUNDS rounds of one window each
  local port round
  for port in "$REF" "$PRISM" "$BARE"; do
    warm "$port" "$1"
    rm -f "$OUT/wrk-$port-$(basename "$1" .lua).txt"
  done
  for round in $(seq 1 "$ROUNDS"); do
    for port in "$REF" "$PRISM" "$BARE"; do window "$port" "$1" $((DURATION / ROUNDS)); done
  done
}

trap 'stop reference; stop prism; stop bare' EXIT

# Start-up: the README's command, $STARTS times (machine load noted: above ~1.5 on 2 cores the figures are noise).
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
java -cp "$OUT" StartupProbe "$STARTS" "$OUT/startup.log" "${REF_CMD[@]}" --port '{port}' > "$OUT/startup.txt"
read -r _ START_MEDIAN _ START_WORST < <(tail -1 "$OUT/startup.txt")

REF=$(free_port)
start reference "$REF" "${REF_CMD[@]}" --port "$REF"
sleep 5 # idle: what a server that has started and answered GET / holds before its first API request
IDLE_RSS=$(rss_mb "$(cat "$OUT/reference.pid")")
prepare_reference "$REF"
PRISM=$(free_port)
start prism "$PRISM" env SCARF_ANALYTICS=false node_modules/.bin/prism mock -h 127.0.0.1 -p "$PRISM" openapi/target/ha-api.yaml
BARE=$(free_port)
start bare "$BARE" java -Xmx128m -cp "$OUT:$JAR" BareJersey "$BARE"

measure bench/mix.lua
measure bench/write-mix.lua
read -r REF_RPS REF_P50 REF_P99 REF_BAD REF_CPU < <(summary "$REF" bench/mix.lua)
read -r REFW_RPS REFW_P50 REFW_P99 REFW_BAD REFW_CPU < <(summary "$REF" bench/write-mix.lua)
read -r PRISM_RPS PRISM_P50 PRISM_P99 PRISM_BAD PRISM_CPU < <(summary "$PRISM" bench/mix.lua)
read -r PRISMW_RPS PRISMW_P50 PRISMW_P99 PRISMW_BAD PRISMW_CPU < <(summary "$PRISM" bench/write-mix.lua)
read -r BARE_RPS BARE_P50 BARE_P99 BARE_BAD BARE_CPU < <(summary "$BARE" bench/mix.lua)
read -r BAREW_RPS BAREW_P50 BAREW_P99 BAREW_BAD BAREW_CPU < <(summary "$BARE" bench/write-mix.lua)
REF_RSS=$(rss_mb "$(cat "$OUT/reference.pid")")
PRISM_RSS=$(rss_mb "$(pgrep -f "prism mock -h 127.0.0.1 -p $PRISM" | tail -1)")
BARE_RSS=$(rss_mb "$(cat "$OUT/bare.pid")")
stop prism
stop bare

# 10,000 groups, created through the HA API itself (a 7 MB world loaded through the control API in one body is
# validated whole against openapi/emulator.yaml, which needs more heap than the README's -Xmx128m): measure the
# memory and the cost of a page.
python3 - "$REF" <<'PY'
import http.client, json, sys, threading
port, token, made, lock = int(sys.argv[1]), "e3b2c743aebf467fb6b91cbb644c036e", [0], threading.Lock()
body = lambda i: json.dumps({"ha": {"name": f"g{i}", "datastore": {"type": "mysql", "version": "5.7"},
    "replica_source": [{"name": "s", "flavorRef": "2", "volume": {"size": 1}}],
    "replicas": [{"name": "r", "flavorRef": "2", "volume": {"size": 1}}]}})
def worker(first):
    c = http.client.HTTPConnection("127.0.0.1", port)
    for i in range(first, 10000, 4):
        c.request("POST", "/v1.0/1234/ha", body(i), {"X-Auth-Token": token, "Content-Type": "application/json"})
        r = c.getresponse(); r.read()
        if r.status != 202: raise SystemExit(f"create {i} answered {r.status}")
threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
PY
page_ms() { # average of 200 GETs of one page, in ms
  local begin; begin=$(date +%s%N)
  for _ in $(seq 1 200); do curl -sf -o /dev/null -H 'X-Auth-Token: e3b2c743aebf467fb6b91cbb644c036e' "http://127.0.0.1:$REF$1"; done
  echo "scale=2; ($(date +%s%N) - $begin) / 200 / 1000000" | bc
}
PAGE_FIRST=$(page_ms "/v1.0/1234/ha?limit=20")
PAGE_DEEP=$(page_ms "/v1.0/1234/ha?limit=20&marker=c0000000-0000-4000-8000-000000000000") # ids are uniform: three quarters in
jcmd "$(cat "$OUT/reference.pid")" GC.run > /dev/null 2>&1 || true
RSS_10K=$(rss_mb "$(cat "$OUT/reference.pid")")
stop reference

# The write mix's first recorded measurement (bench/write-baseline.txt: requests/s, when and at which commit), which
# later runs may not fall more than 10 % below; the first recorded run writes it.
WRITE_BASE=$(awk 'NR==1 {print $1}' bench/write-baseline.txt 2> /dev/null || true)
if [ -z "$WRITE_BASE" ] && [ "$HISTORY" != off ]; then
  echo "$REFW_RPS requests/s, write mix, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), load before the run $LOAD_BEFORE" > bench/write-baseline.txt
  WRITE_BASE=$REFW_RPS
fi

ratio() { echo "scale=2; $1 / $2" | bc; }
verdict() { # name figure comparison-holds target-text
  if [ "$3" = 1 ]; then echo "met     $1: $2 ($4)"; else echo "MISSED  $1: $2 ($4)"; fi
}
holds() { [ "$(echo "$1" | bc)" = 1 ] && echo 1 || echo 0; }
HEAD=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/benchmarks.md' 2> /dev/null || echo "+dirty")
MACHINE="$(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), node $(node --version), wrk -t2 -c$CONNECTIONS, ${WARMUP} s warm-up, ${DURATION} s measured per mix in $ROUNDS alternating windows per target"
R_PRISM=$(ratio "$REF_RPS" "$PRISM_RPS"); R_BARE=$(ratio "$REF_RPS" "$BARE_RPS"); R_P99=$(ratio "$REF_P99" "$BARE_P99")
W_PRISM=$(ratio "$REFW_RPS" "$PRISMW_RPS"); W_BARE=$(ratio "$REFW_RPS" "$BAREW_RPS")
{
  echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $HEAD; machine: $MACHINE; load average before the run $LOAD_BEFORE; run command: ${REF_CMD[*]}"
  row() { printf '%-24s %10s %9s %9s %8s %11s %7s\n' "$@"; }
  row "target (mix)" requests/s p50-ms p99-ms non-2xx cpu-us/req RSS-MB
  row "reference (read)" "$REF_RPS" "$REF_P50" "$REF_P99" "$REF_BAD" "$REF_CPU" ""
  row "reference (write)" "$REFW_RPS" "$REFW_P50" "$REFW_P99" "$REFW_BAD" "$REFW_CPU" "$REF_RSS"
  row "prism (read)" "$PRISM_RPS" "$PRISM_P50" "$PRISM_P99" "$PRISM_BAD" "$PRISM_CPU" ""
  row "prism (write)" "$PRISMW_RPS" "$PRISMW_P50" "$PRISMW_P99" "$PRISMW_BAD" "$PRISMW_CPU" "$PRISM_RSS"
  row "bare-jersey (read)" "$BARE_RPS" "$BARE_P50" "$BARE_P99" "$BARE_BAD" "$BARE_CPU" ""
  row "bare-jersey (write)" "$BAREW_RPS" "$BAREW_P50" "$BAREW_P99" "$BAREW_BAD" "$BAREW_CPU" "$BARE_RSS"
  echo "CPU per request against bare Jersey (not a target; the same cores also run wrk): reads $(ratio "$REF_CPU" "$BARE_CPU") x, writes $(ratio "$REFW_CPU" "$BAREW_CPU") x"
  echo "start-up of the README command (GET / answered, $STARTS starts): $(sed -n 's/^start [0-9]*: \([0-9]*\) ms/\1/p' "$OUT/startup.txt" | paste -sd' ') ms"
  echo "10,000 groups: first page ${PAGE_FIRST} ms, a page three quarters in ${PAGE_DEEP} ms (curl, one at a time)"
  verdict "read throughput vs bare Jersey" "$R_BARE x ($REF_RPS / $BARE_RPS)" "$(holds "$R_BARE >= 0.90")" ">= 0.90"
  verdict "read throughput vs Prism" "$R_PRISM x ($REF_RPS / $PRISM_RPS)" "$(holds "$R_PRISM >= 15")" ">= 15"
  verdict "read p99 vs bare Jersey" "$R_P99 x ($REF_P99 ms / $BARE_P99 ms)" "$(holds "$R_P99 <= 1.25")" "<= 1.25"
  verdict "write throughput vs bare Jersey" "$W_BARE x ($REFW_RPS / $BAREW_RPS)" "$(holds "$W_BARE >= 0.90")" ">= 0.90"
  verdict "write throughput vs Prism" "$W_PRISM x ($REFW_RPS / $PRISMW_RPS)" "$(holds "$W_PRISM >= 15")" ">= 15"
  if [ -n "$WRITE_BASE" ]; then
    verdict "write throughput vs its first measurement" "$(ratio "$REFW_RPS" "$WRITE_BASE") x ($REFW_RPS / $WRITE_BASE)" "$(holds "$REFW_RPS >= 0.9 * $WRITE_BASE")" ">= 0.90, no regression over 10 %"
  else
    echo "MISSED  write throughput vs its first measurement: none recorded yet (a run with HISTORY=on records it)"
  fi
  verdict "start-up median" "$START_MEDIAN ms" "$(holds "$START_MEDIAN <= 800")" "<= 800 ms"
  verdict "start-up worst" "$START_WORST ms" "$(holds "$START_WORST <= 1200")" "<= 1200 ms"
  verdict "RSS with 10,000 groups after the throughput runs" "$RSS_10K MB" "$(holds "$RSS_10K <= 200")" "<= 200 MB"
  verdict "RSS idle" "$IDLE_RSS MB" "$(holds "$IDLE_RSS <= 120")" "<= 120 MB"
} | tee "$OUT/results.txt"

if [ "$HISTORY" != off ]; then
  grep -q '^## History' docs/benchmarks.md || printf '\n## History\n\nEvery run of `bench/run.sh`, appended by it (newest last).\n' >> docs/benchmarks.md
  { echo; echo '```'; cat "$OUT/results.txt"; echo '```'; } >> docs/benchmarks.md
fi
