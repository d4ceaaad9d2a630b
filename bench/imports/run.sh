#!/usr/bin/env bash
# CSV import throughput: starts Krug (embedded PostgreSQL, fresh data directory), runs bench/imports/ImportBench.java,
# stops Krug.
# Usage: bench/imports/run.sh [--rows=1000000] [--members=2000] [--member-every=10]  (BENCH_PORT, BENCH_PG_PORT, BENCH_JVM_OPTS)
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
JAR=$(ls target/krug-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/krug-import-bench.XXXX)
PORT=${BENCH_PORT:-18093}
PG_PORT=${BENCH_PG_PORT:-54333}

echo "Krug: $JAR, data in $WORK, HTTP :$PORT, PostgreSQL :$PG_PORT ($(nproc) cores)"
KRUG_ADMIN_PASSWORD=bench-admin-password java ${BENCH_JVM_OPTS:--Xmx512m} -jar "$JAR" \
  --server.port="$PORT" --krug.database.data-dir="$WORK" --krug.database.embedded-port="$PG_PORT" \
  --krug.database.pool-size="${BENCH_POOL:-24}" --logging.level.root=WARN > "$WORK/krug.out" 2>&1 &
KRUG=$!
trap 'kill $KRUG 2>/dev/null; wait $KRUG 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done

java bench/imports/ImportBench.java --base="http://localhost:$PORT" --admin-password=bench-admin-password --file="$WORK/sales.csv" "$@"
