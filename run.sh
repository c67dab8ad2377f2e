#!/usr/bin/env bash
# Starts the whole of Quotaflow on this machine, without Docker: a real Kafka broker (KRaft), the embedded
# MongoDB wire-protocol server and every service, each in its own JVM. Ctrl-C stops everything.
#
#   ./run.sh                      build what is needed, then start (data in memory) and seed the demo month
#   ./run.sh --data-dir=.data     keep Kafka and MongoDB data (and the demo's progress) across restarts
#   ./run.sh --no-demo            an empty system; --demo-speed=max replays the month so far at full speed
#   ./run.sh --help               every option
#
# Set QUOTAFLOW_SKIP_BUILD=1 to start the jars already built.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "error: Java 17 or newer is needed on the PATH (java -version)" >&2
  exit 1
fi

if [[ "${QUOTAFLOW_SKIP_BUILD:-0}" != "1" ]]; then
  echo "Building Quotaflow (./mvnw -DskipTests package; the first build downloads Maven and the dependencies)…"
  ./mvnw -q -B -DskipTests package
fi

launcher=(local-stack/target/local-stack-*-exec.jar)
if [[ ! -f "${launcher[0]}" ]]; then
  echo "error: ${launcher[0]} is missing; build with ./mvnw -DskipTests package" >&2
  exit 1
fi

exec java ${QUOTAFLOW_LAUNCHER_JAVA_OPTS:--Xmx1g -XX:+UseSerialGC} -jar "${launcher[0]}" "$@"
