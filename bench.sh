#!/usr/bin/env bash
# Benchmarks of Quotaflow on this machine (see benchmarks/README.md). Not part of ./mvnw verify.
#
#   ./bench.sh [--quick]          B1–B6 at quick sizes (aimed at 5 minutes once built); the default
#   ./bench.sh --full             the issue's sizes (1M events for B3, 5 minutes at 2,000 ev/s, 100k/1M/5M: hours)
#   ./bench.sh --tiny             seconds of each, as the smoke test runs it
#   ./bench.sh --jmh [JMH args]   the JMH benchmarks of the hot in-process paths (e.g. --jmh -f 1 -wi 3 -i 5)
#   --no-build                    skip the Maven build (the jars from the last one are used)
#   --jfr                         record every service with JFR (benchmarks/target/bench-<mode>/logs/*.jfr)
#   --out=DIR                     where results.md and b4-latency.png go (default benchmarks/target/bench-<mode>)
#   --mongodb-uri=URI             the services' databases on that MongoDB (a real mongod), not the embedded one;
#                                 the run drops and refills its own databases there (quotaflow-bench-*, kpi-bench-*)
#
# The harness and the services it starts run on the images' Java (25, see Dockerfile): QUOTAFLOW_BENCH_JAVA_HOME if
# set, else the first JDK 25 or newer among JAVA_HOME, the java on PATH and /usr/lib/jvm/*; else the java on PATH,
# with a warning (results.md records the version either way). The build uses ./mvnw's own Java.
set -euo pipefail
cd "$(dirname "$0")"

build=true
jmh=false
mode=quick
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --jmh) jmh=true ;;
    --tiny|--quick|--full) mode="${arg#--}"; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if $build; then
  echo "Building the services and the benchmarks (./mvnw -DskipTests package -pl benchmarks -am)…"
  ./mvnw -q -B -DskipTests package -pl benchmarks -am
fi
# The feature release of a java binary (17, 25, …), or 0.
feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'; }
java=""
if [ -n "${QUOTAFLOW_BENCH_JAVA_HOME:-}" ]; then
  java="$QUOTAFLOW_BENCH_JAVA_HOME/bin/java"
else
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ] && [ "$(feature "$candidate")" -ge 25 ] 2>/dev/null; then java="$candidate"; break; fi
  done
  if [ -z "$java" ]; then
    java="$(command -v java)"
    echo "warning: no Java 25 found (the images' runtime); measuring on $("$java" -version 2>&1 | head -1)" >&2
  fi
fi
echo "Running the benchmarks on $java"

classpath="benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)"

if $jmh; then
  exec "$java" -cp "$classpath" org.openjdk.jmh.Main "${args[@]}"
fi
heap=3g
[ "$mode" = full ] && heap=12g
exec "$java" -Xmx$heap -Djava.awt.headless=true -Dlogback.configurationFile=bench-logback.xml \
  -cp "$classpath" io.quotaflow.benchmarks.Bench --project-dir="$PWD" "${args[@]}"
