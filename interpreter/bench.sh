#!/usr/bin/env bash
# Interpreter benchmarks (see BENCHMARKS.md, "Interpreter"):
#   interpreter/bench.sh [jmh]      Swirl vs the CNCF reference implementation (JMH), both workflows
#   interpreter/bench.sh paired     Swirl in memory vs the reference in alternating slices (load-robust)
#   interpreter/bench.sh scaling    for over N items with one activity each, SQLite file store
#   interpreter/bench.sh all
# Extra arguments after the mode go to JMH (e.g. -f 1 -wi 3 -i 3 for a quick run) or to
# PairedComparison (--warmup-s 20 --rounds 15 --slice-ms 1000) or to ForActivityScaling
# (--small 500 --large 2000 --reps 5 --dir /tmp).
# BENCH=REGEX picks JMH benchmarks (e.g. BENCH='swirlInMemory|reference').
# SKIP_BUILD=1 runs what is already built. Classes are copied to interpreter/target/bench so that
# a concurrent build of the module cannot change them mid-run.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-jmh}"
[[ $# -gt 0 ]] && shift
out=interpreter/target/bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # One reactor build, so the sibling modules resolve to their target/classes (the last module
  # to write the class path file is the interpreter).
  ./mvnw -q -B -pl interpreter -am test-compile dependency:build-classpath -Dspotless.check.skip \
    -Dmdep.outputFile="$PWD/$out.classpath" >/dev/null
  rm -rf "$out" && mkdir -p "$out"
  cp -r interpreter/target/classes "$out/classes"
  cp -r interpreter/target/test-classes "$out/test-classes"
fi
classpath="$out/classes:$out/test-classes:$(cat "$out.classpath")"

echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg) nproc: $(nproc)"
case "$mode" in
  jmh)
    java -cp "$classpath" org.openjdk.jmh.Main "${BENCH:-io.swirl.interpreter.bench.InterpreterBenchmark}" \
      -rf json -rff interpreter/target/bench-jmh.json "$@"
    ;;
  paired)
    java -Xms1g -Xmx1g -cp "$classpath" io.swirl.interpreter.bench.PairedComparison "$@"
    ;;
  scaling)
    java -Xms512m -Xmx512m -cp "$classpath" io.swirl.interpreter.bench.ForActivityScaling "$@"
    ;;
  all)
    "$0" jmh "$@"
    SKIP_BUILD=1 "$0" paired
    SKIP_BUILD=1 "$0" scaling
    ;;
  *)
    echo "unknown mode $mode (jmh | scaling | all)" >&2
    exit 2
    ;;
esac
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
