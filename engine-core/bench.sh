#!/usr/bin/env bash
# Builds engine-core with its test classes and runs the engine benchmark (see BENCHMARKS.md).
# Usage: engine-core/bench.sh [--seconds 10] [--warmup 5] [--inflight 100] [--runs 1000]
#                             [--driver waiters|poll|both] [--dir PATH]
# SKIP_BUILD=1 runs what is already built. Set JFR=1 to record a flight recording to engine-core/target/bench.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."

cp_file=engine-core/target/bench.classpath
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl engine-core -am test-compile -Dspotless.check.skip
  ./mvnw -q -B -pl engine-core dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
fi
classpath="engine-core/target/classes:engine-core/target/test-classes:$(cat "$cp_file")"

jvm_opts=(-Xms512m -Xmx512m)
if [[ "${JFR:-0}" == 1 ]]; then
  jvm_opts+=("-XX:StartFlightRecording=filename=engine-core/target/bench.jfr,settings=profile")
fi
exec java "${jvm_opts[@]}" -cp "$classpath" io.swirl.engine.bench.EngineBenchmark "$@"
