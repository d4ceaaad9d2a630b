#!/usr/bin/env bash
# Purchases per second through Krug's HTTP API vs. the same work as raw SQL on the same PostgreSQL.
# Starts Krug (embedded PostgreSQL, fresh data directory), runs bench/PurchaseBench.java, stops Krug.
# Usage: bench/run.sh [--rate=1000] [--seconds=30] [--workers=64] [--members=2000]
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  for dir in /usr/lib/jvm/*/; do
    if [ -x "$dir/bin/java" ] && [ "$(java_major "$dir/bin/java")" -ge 21 ]; then JAVA_HOME=${dir%/}; fi
  done
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

if [ -n "${BENCH_JAR:-}" ]; then
  JAR=$BENCH_JAR
else
  ls target/krug-*.jar >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package
  JAR=$(ls target/krug-*.jar | grep -v original | head -1)
fi
# BENCH_JFR=<file>: record a JFR profile of Krug (settings=profile) for the whole run, written when Krug stops
JFR_OPTS=${BENCH_JFR:+-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile,dumponexit=true}
WORK=$(mktemp -d /tmp/krug-bench.XXXX)
PORT=${BENCH_PORT:-18090}
PG_PORT=${BENCH_PG_PORT:-54329}
unzip -o -q -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK"
PGJDBC=$(ls "$WORK"/postgresql-*.jar)

echo "Krug: $JAR, data in $WORK, HTTP :$PORT, PostgreSQL :$PG_PORT ($(nproc) cores)"
KRUG_ADMIN_PASSWORD=bench-admin-password java ${BENCH_JVM_OPTS:--XX:+UseZGC -Xms1g -Xmx1g} $JFR_OPTS -jar "$JAR" \
  --server.port="$PORT" --krug.database.data-dir="$WORK" --krug.database.embedded-port="$PG_PORT" \
  --krug.database.pool-size="${BENCH_POOL:-24}" --logging.level.root=WARN > "$WORK/krug.out" 2>&1 &
KRUG=$!
trap 'kill $KRUG 2>/dev/null; wait $KRUG 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done

java ${BENCH_CLIENT_OPTS:--XX:+UseZGC} -cp "$PGJDBC" bench/PurchaseBench.java --base="http://localhost:$PORT" --admin-password=bench-admin-password \
  --jdbc="jdbc:postgresql://localhost:$PG_PORT/krug?user=postgres" "$@"
