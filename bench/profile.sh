#!/usr/bin/env bash
# Profiles the reference server under one of the bench's mixes, as bench/run.sh starts it (the README's command and
# JVM options, the documented world, transitions made immediate): async-profiler is attached once the mix has run
# for WARMUP seconds (so the samples are of compiled code, not of the JIT's warm-up) and samples DURATION seconds;
# the GC log covers the whole run. Prints the hottest frames and the collector's share.
#   bash bench/profile.sh [mix.lua|write-mix.lua]     (from the repository root; builds what is missing)
# Environment: WARMUP (default 40), DURATION (default 30), EVENT (async-profiler's event: itimer, the default, works
# without perf events; alloc samples allocations), CONNECTIONS (default 32).
# Output in bench/target/profile-MIX.*: .collapsed (one stack per line, for flame graphs), .gc.log, .wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
MIX=${1:-write-mix.lua}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-30}
EVENT=${EVENT:-itimer}
CONNECTIONS=${CONNECTIONS:-32}
OUT=bench/target
# shellcheck source=bench/reference.sh
. bench/reference.sh
PROFILER_VERSION=3.0 # tools.profiler:async-profiler on Maven Central: the native agent for linux-x64 is in the jar
mkdir -p "$OUT"
[ -f "bench/$MIX" ] || { echo "bench/profile.sh: no mix bench/$MIX" >&2; exit 2; }
command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f "$JAR" ] || mvn -B -q install -DskipTests

PROFILER_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar"
[ -f "$PROFILER_JAR" ] || mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
  -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION"
AGENT="$OUT/async-profiler-$PROFILER_VERSION/linux-x64/libasyncProfiler.so"
if [ ! -f "$AGENT" ]; then # the JDK's jar tool, so that no unzip is needed
  mkdir -p "$OUT/async-profiler-$PROFILER_VERSION"
  (cd "$OUT/async-profiler-$PROFILER_VERSION" && jar xf "$PROFILER_JAR" linux-x64/libasyncProfiler.so)
fi
AGENT=$(realpath "$AGENT")

NAME="$OUT/profile-$(basename "$MIX" .lua)"
PORT=$(free_port)
rm -f "$NAME".*
java "${JVM_FLAGS[@]}" "-Xlog:gc:file=$NAME.gc.log::filecount=0" -jar "$JAR" --port "$PORT" > "$NAME.server.log" 2>&1 &
PID=$!
trap 'kill $PID 2> /dev/null && wait $PID 2> /dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/" || { echo "bench/profile.sh: the server did not answer in 60 s (see $NAME.server.log)" >&2; exit 1; }
prepare_reference "$PORT"

wrk -t2 -c"$CONNECTIONS" -d"$((WARMUP + DURATION + 5))s" --latency -s "bench/$MIX" "http://127.0.0.1:$PORT" -- "$CONNECTIONS" > "$NAME.wrk" &
WRK=$!
sleep "$WARMUP"
# jcmd's parser splits an unquoted argument at commas: the agent's options go in one quoted argument.
jcmd "$PID" JVMTI.agent_load "$AGENT" "\"start,event=$EVENT,interval=200us,file=$(realpath "$NAME").collapsed,collapsed\"" > /dev/null
sleep "$DURATION"
jcmd "$PID" JVMTI.agent_load "$AGENT" "\"stop,file=$(realpath "$NAME").collapsed,collapsed\"" > /dev/null
wait "$WRK"
[ -s "$NAME.collapsed" ] || { echo "bench/profile.sh: the profiler wrote nothing (see $NAME.server.log)" >&2; exit 1; }

echo "$(grep 'Requests/sec' "$NAME.wrk") over the whole run; profile: $NAME.collapsed"
python3 - "$NAME.collapsed" <<'PY'
import collections, sys
total, leaf, under = 0, collections.Counter(), collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rstrip().rsplit(' ', 1)
    n = int(n); total += n
    frames = stack.split(';')
    leaf[frames[-1]] += n
    for frame in set(frames):
        under[frame] += n
print(f"{total} samples; the collector (GenCollectedHeap): {100 * under['GenCollectedHeap::satisfy_failed_allocation'] / total:.1f} %")
print("hottest frames (their own samples):")
for frame, n in leaf.most_common(15):
    print(f"  {100 * n / total:5.1f} %  {frame}")
print("the kit's frames (samples under each):")
for frame, n in sorted(under.items(), key=lambda item: -item[1]):
    if frame.startswith('io/hakit') and 100 * n / total >= 1.0:
        print(f"  {100 * n / total:5.1f} %  {frame}")
PY
awk '/Pause Young/ {n++; gsub("ms", "", $NF); t += $NF} /Pause Full/ {f++; gsub("ms", "", $NF); ft += $NF}
  END {printf "GC log: %d young collections, %.1f ms in all; %d full, %.1f ms\n", n, t, f, ft}' "$NAME.gc.log"
