#!/usr/bin/env bash
# Builds engine-core with its test classes and runs the engine benchmark (see BENCHMARKS.md).
# Usage: engine-core/bench.sh [--seconds 10] [--warmup 5] [--inflight 100] [--runs 1000]
#                             [--driver waiters|poll|futures|both] [--dir PATH] [--store URL]
#                             [--api blocking|events]
# --store postgresql://user@host:port/db benchmarks the PostgreSQL store. When the database name
# starts with swirl_bench it is dropped and created afresh first; then pgbench measures
# single-row insert commits/s on it (PGBENCH_CLIENTS, default 8; PGBENCH_SECONDS, default 10), so
# the engine's numbers can be read against what the database itself commits. BENCHMARKS.md uses
# --warmup 20 there: the JVM's JIT compiler takes most of a core for its first ~15 s.
# SKIP_BUILD=1 runs what is already built. Set JFR=1 to record a flight recording to engine-core/target/bench.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."

cp_file=engine-core/target/bench.classpath
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl engine-core -am test-compile -Dspotless.check.skip
  ./mvnw -q -B -pl engine-core dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
fi
classpath="engine-core/target/classes:engine-core/target/test-classes:$(cat "$cp_file")"

store=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[$i]}" == --store ]]; then store="${args[$((i + 1))]:-}"; fi
done
if [[ "$store" == postgres* ]]; then
  db_name="${store##*/}"
  db_name="${db_name%%\?*}"
  if [[ "$db_name" == swirl_bench* ]]; then
    admin_url="${store%/*}/postgres"
    psql -q -v ON_ERROR_STOP=1 "$admin_url" -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" \
      -c "CREATE DATABASE $db_name"
    echo "fresh database $db_name"
  fi
  echo "== pgbench: single-row INSERT transactions on the same database =="
  psql -q -v ON_ERROR_STOP=1 "$store" \
    -c "DROP TABLE IF EXISTS pgbench_swirl_insert" \
    -c "CREATE TABLE pgbench_swirl_insert (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload TEXT NOT NULL)"
  script=$(mktemp --suffix=.sql)
  echo "INSERT INTO pgbench_swirl_insert (payload) VALUES ('{\"x\":1}');" >"$script"
  echo "pgbench -n -f insert.sql -c ${PGBENCH_CLIENTS:-8} -j 2 -T ${PGBENCH_SECONDS:-10} (insert.sql: $(cat "$script"))"
  pgbench -n -f "$script" -c "${PGBENCH_CLIENTS:-8}" -j 2 -T "${PGBENCH_SECONDS:-10}" "$store" \
    | grep -E "^(number of transactions actually processed|latency average|tps)" | sed 's/^/PGBENCH /'
  psql -q "$store" -c "DROP TABLE pgbench_swirl_insert"
  rm -f "$script"
  psql -At "$store" -c "SHOW synchronous_commit" -c "SHOW fsync" -c "SHOW commit_delay" \
    | paste -sd' ' | sed 's/^/PGSETTINGS synchronous_commit fsync commit_delay: /'
fi

jvm_opts=(-Xms512m -Xmx512m ${BENCH_JVM_OPTS:-})
if [[ "${JFR:-0}" == 1 ]]; then
  jvm_opts+=("-XX:StartFlightRecording=filename=engine-core/target/bench.jfr,settings=profile")
fi
exec java "${jvm_opts[@]}" -cp "$classpath" io.swirl.engine.bench.EngineBenchmark "$@"
