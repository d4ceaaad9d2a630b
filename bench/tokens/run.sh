#!/usr/bin/env bash
# Access-token validation latency: starts Krug (embedded PostgreSQL, fresh data directory), runs
# bench/tokens/TokenBench.java, prints the token_validations_total counters, stops Krug.
# Usage: bench/tokens/run.sh [--requests=20000] [--clients=1] [--rate=N (open loop, N/s offered)]
#        bench/tokens/run.sh --suite [--requests=20000]   (1 and 4 clients, 500/s and 1,000/s, one Krug)
set -euo pipefail
cd "$(dirname "$0")/../.."

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  for dir in /usr/lib/jvm/*/; do
    if [ -x "$dir/bin/java" ] && [ "$(java_major "$dir/bin/java")" -ge 21 ]; then JAVA_HOME=${dir%/}; fi
  done
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

[ "${BENCH_NO_BUILD:-}" = "1" ] || ./mvnw -q -B -DskipTests package
JAR=${BENCH_JAR:-$(ls target/krug-*.jar | grep -v original | head -1)}
WORK=$(mktemp -d /tmp/krug-token-bench.XXXX)
PORT=${BENCH_PORT:-18092}
PG_PORT=${BENCH_PG_PORT:-54332}

echo "Krug: $JAR, data in $WORK, HTTP :$PORT, PostgreSQL :$PG_PORT ($(nproc) cores)"
# BENCH_NICE=-10 (as root) runs Krug, its PostgreSQL and the client ahead of other work on a shared machine;
# BENCH_JVM_OPTS are Krug's JVM options, BENCH_CLIENT_OPTS the client's (ZGC: its own pauses are not Krug's latency)
NICE=(nice -n "${BENCH_NICE:-0}")
KRUG_ADMIN_PASSWORD=bench-admin-password "${NICE[@]}" java ${BENCH_JVM_OPTS:--XX:+UseZGC -Xms512m -Xmx512m} -jar "$JAR" \
  --server.port="$PORT" --krug.database.data-dir="$WORK" --krug.database.embedded-port="$PG_PORT" \
  --logging.level.root=WARN > "$WORK/krug.out" 2>&1 &
KRUG=$!
trap 'kill $KRUG 2>/dev/null; wait $KRUG 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done

bench() {
  # shellcheck disable=SC2086
  "${NICE[@]}" java ${BENCH_CLIENT_OPTS:--XX:+UseZGC} bench/tokens/TokenBench.java --base="http://localhost:$PORT" \
    --admin-password=bench-admin-password --server-pid="$KRUG" "$@"
}
if [ "${1:-}" = "--suite" ]; then
  # One Krug, four runs: closed loop with 1 and 4 clients, open loop at 500/s and 1,000/s (4 senders)
  shift
  for run in "--clients=1" "--clients=4" "--rate=500 --clients=4" "--rate=1000 --clients=4"; do
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086
    bench $run "$@"
  done
else
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  bench "$@"
fi
curl -s "localhost:$PORT/actuator/prometheus" | grep -E '^(token_validations_total|krug_token_validation_seconds)' || true
