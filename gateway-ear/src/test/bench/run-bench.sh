#!/usr/bin/env bash
# Runs the gateway benchmark (docs/PERFORMANCE.md) on this machine:
#   1. builds the packaged server once if it is missing (./mvnw install -DskipTests),
#   2. sets the server's ports in its bootstrap.properties (default 9090/9453, apart from the ITs' 9081),
#   3. starts Liberty pinned to one core (taskset -c $GATEWAY_CPU),
#   4. runs the benchmark (bench profile: mock upstream + open-loop load generator) pinned to the other core,
#   5. optionally (PROFILE_RATE=...) records a JFR profile of the gateway under load and prints its hot frames,
#   6. stops the server it started.
# Usage, from anywhere:  gateway-ear/src/test/bench/run-bench.sh [extra -Dbench.* Maven options]
# Environment: GATEWAY_CPU (0), LOAD_CPU (1), HTTP_PORT (9090), HTTPS_PORT (9453), BUILD (auto|always|never),
#              PROFILE_RATE (empty: no profile run), PROFILE_SECONDS (40), SKIP_TABLE (0; 1 = profile run only),
#              WAIT_QUIET (1: wait up to ~40 min for an idle machine first), HOT_FOCUS (frames to show callers of),
#              REFERENCE (nginx: also start nginx pinned to the gateway's core as a reference proxy in front of the
#              mock, on port 9098, for -Dbench.mode=compare), BASELINE (the root of another checkout whose packaged
#              server is built: its gateway is started too, on the same core at port 9092, and -Dbench.mode=compare
#              measures it alternated with this one, for a before/after comparison in one run).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
GATEWAY_CPU="${GATEWAY_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
HTTP_PORT="${HTTP_PORT:-9090}"
HTTPS_PORT="${HTTPS_PORT:-9453}"
BUILD="${BUILD:-auto}"
PROFILE_RATE="${PROFILE_RATE:-}"
PROFILE_SECONDS="${PROFILE_SECONDS:-40}"
SKIP_TABLE="${SKIP_TABLE:-0}"
WLP="$REPO/gateway-ear/target/liberty/wlp"
SERVER_DIR="$WLP/usr/servers/iris"
OUT="$REPO/gateway-ear/target/bench"
GATEWAY="http://127.0.0.1:$HTTP_PORT"

cd "$REPO"
# The plugin deploys the EAR either packaged or loose (gateway-ear.ear.xml pointing into target/).
if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -e "$SERVER_DIR/apps/gateway-ear.ear" \
        && ! -e "$SERVER_DIR/apps/gateway-ear.ear.xml" ) ]]; then
    echo "== building the packaged server"
    ./mvnw -q -B install -DskipTests
fi
mkdir -p "$OUT"

echo "== machine"
{
    echo "nproc: $(nproc)"
    grep -m1 'model name' /proc/cpuinfo || true
    echo "kernel: $(uname -sr)"
    java -version 2>&1
    "$WLP/bin/productInfo" version 2>/dev/null | head -3 || true
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

# The plugin writes the IT ports (9081/9444) here on every build; the benchmark uses its own.
printf 'http.port=%s\nhttps.port=%s\n' "$HTTP_PORT" "$HTTPS_PORT" > "$SERVER_DIR/bootstrap.properties"

"$WLP/bin/server" stop iris >/dev/null 2>&1 || true
# Other work on the machine skews the numbers: wait (bounded) for both cores to be mostly idle, before starting.
cpu_busy_percent() {
    read -r _ a1 a2 a3 a4 a5 a6 a7 a8 _ < /proc/stat; a=$((a1 + a2 + a3 + a5 + a6 + a7 + a8)); local ia=$a4
    sleep 3
    read -r _ b1 b2 b3 b4 b5 b6 b7 b8 _ < /proc/stat; b=$((b1 + b2 + b3 + b5 + b6 + b7 + b8)); local ib=$b4
    echo $(( 100 * (b - a) / ((b - a) + (ib - ia) + 1) ))
}
if [[ "${WAIT_QUIET:-1}" == 1 ]]; then
    for _ in $(seq 1 200); do
        busy="$(cpu_busy_percent)"
        [[ "$busy" -le 10 ]] && break
        echo "machine busy (${busy}% CPU), waiting for it to be quiet..."
        sleep 10
    done
fi
echo "== starting Liberty on core $GATEWAY_CPU, port $HTTP_PORT"
taskset -c "$GATEWAY_CPU" "$WLP/bin/server" start iris
stop_server() { "$WLP/bin/server" stop iris >/dev/null 2>&1 || true; }
trap stop_server EXIT
PID="$(cat "$WLP/usr/servers/.pid/iris.pid")"
echo "gateway pid $PID, $(taskset -cp "$PID")"

REFERENCE_ARGS=()
if [[ "${REFERENCE:-}" == nginx ]]; then
    # A reference proxy on the gateway's core: one worker, keep-alive on both sides, no logging. What it adds is
    # what any proxy adds on this machine (two more loopback hops, an idle core's wake-ups).
    MOCK_PORT=9099
    mkdir -p "$OUT/nginx"
    cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    keepalive_requests 10000000;
    upstream mock { server 127.0.0.1:$MOCK_PORT; keepalive 256; keepalive_requests 10000000; }
    server {
        listen 127.0.0.1:9098;
        location / {
            proxy_pass http://mock;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host 127.0.0.1;
            proxy_buffering off;
        }
    }
}
CONF
    taskset -c "$GATEWAY_CPU" nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx"
    stop_nginx() { nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -s stop 2>/dev/null || true; }
    trap 'stop_nginx; stop_server' EXIT
    REFERENCE_ARGS=(-Dbench.reference=http://127.0.0.1:9098 -Dbench.mockPort="$MOCK_PORT")
fi

if [[ -n "${BASELINE:-}" ]]; then
    BASE_WLP="$BASELINE/gateway-ear/target/liberty/wlp"
    BASE_SERVER_DIR="$BASE_WLP/usr/servers/iris"
    printf 'http.port=9092\nhttps.port=9455\n' > "$BASE_SERVER_DIR/bootstrap.properties"
    "$BASE_WLP/bin/server" stop iris >/dev/null 2>&1 || true
    echo "== starting the baseline Liberty ($BASELINE) on core $GATEWAY_CPU, port 9092"
    taskset -c "$GATEWAY_CPU" "$BASE_WLP/bin/server" start iris
    stop_baseline() { "$BASE_WLP/bin/server" stop iris >/dev/null 2>&1 || true; }
    trap 'stop_baseline; [[ -z "${REFERENCE:-}" ]] || stop_nginx; stop_server' EXIT
    REFERENCE_ARGS+=(-Dbench.baseline=http://127.0.0.1:9092 -Dbench.baselineServerDir="$BASE_SERVER_DIR")
fi

bench() {
    # The load generator and the mock run in the forked JVM, which inherits the affinity of Maven.
    taskset -c "$LOAD_CPU" ./mvnw -B -q -Pbench -pl gateway-ear test -Dbench.gateway="$GATEWAY" \
        -Dbench.serverDir="$SERVER_DIR" -Dbench.out="$OUT" "${REFERENCE_ARGS[@]}" "$@"
}

# Log the busiest processes every 20 s while the benchmark runs, so a disturbed run can be recognised.
( while sleep 20; do
    { date +%T; top -b -n 2 -d 1 -o %CPU | awk '/^top -/{n++} n==2' | sed -n '8,13p'; } >> "$OUT/monitor.log"
  done ) &
MONITOR_PID=$!
trap 'kill "$MONITOR_PID" 2>/dev/null || true; [[ -z "${BASELINE:-}" ]] || stop_baseline; [[ -z "${REFERENCE:-}" ]] || stop_nginx; stop_server' EXIT
: > "$OUT/monitor.log"

if [[ "$SKIP_TABLE" != 1 ]]; then
    echo "== benchmark"
    bench "$@" 2>&1 | tee "$OUT/bench.log"
fi

if [[ -n "$PROFILE_RATE" ]]; then
    echo "== JFR profile of the gateway at $PROFILE_RATE req/s"
    JFR_FILE="$OUT/gateway-$PROFILE_RATE.jfr"
    rm -f "$JFR_FILE"
    bench -Dbench.mode=load -Dbench.loadRate="$PROFILE_RATE" -Dbench.loadSeconds="$PROFILE_SECONDS" "$@" \
        2>&1 | tee "$OUT/profile.log" &
    LOAD_PID=$!
    # Maven, the set-up and the run's 10 s warm-up come first; record from then until just before the run ends.
    sleep 20
    # The JDK's "profile" settings with Java method sampling every 1 ms instead of 10 ms: more samples per run.
    JAVA_BIN="$(readlink -f "$(command -v java)")"
    sed 's|control="method-sampling-java-interval">10 ms<|control="method-sampling-java-interval">1 ms<|' \
        "$(dirname "$(dirname "$JAVA_BIN")")/lib/jfr/profile.jfc" > "$OUT/profile-1ms.jfc"
    jcmd "$PID" JFR.start name=bench settings="$OUT/profile-1ms.jfc" duration="$((PROFILE_SECONDS - 10))s" \
        filename="$JFR_FILE"
    wait "$LOAD_PID"
    sleep 2
    taskset -c "$LOAD_CPU" java -cp "$REPO/gateway-ear/target/test-classes" bench.HotFrames "$JFR_FILE" 25 \
        "${HOT_FOCUS:-Snapshots.current,http.monitor.ServletFilter.doFilter,UpstreamClient.send,EJSContainer.preInvoke}" \
        | tee "$OUT/hot-frames.txt"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
