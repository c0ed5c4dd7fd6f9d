#!/usr/bin/env bash
# hone: simulated learners against the question policy and baselines (--learners N --policy NAME|all [--seed N] [--profile FILE] [--report OUT.json] [--budget N])
# ./hone simulate ARGS... : runs dev.hone.recommender.simulation.SimulateCommand (simulated learners against
# Hone's question policy and the baselines, no Kafka). Invoked from the repository root with HONE_ROOT set;
# relative paths in ARGS are resolved from the caller's current directory. Builds the recommender module (and
# what it depends on) first if it was never built or its sources changed.
# HONE_JAVA_OPTS replaces the default JVM options (-Xmx1g).
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
module="$root/recommender"
stamp="$module/target/.built"

if [[ ! -f "$stamp" || ! -f "$module/target/classpath.txt" || -n "$(find "$module/src/main" "$module/pom.xml" "$root/pom.xml" \
      "$root/model/src/main" "$root/catalog/src/main" "$root/events/src/main" -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
  echo "building the recommender module ..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl recommender -am package) >&2
  touch "$stamp"
fi

exec java ${HONE_JAVA_OPTS:--Xmx1g} -XX:+UseSerialGC -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" \
  dev.hone.recommender.simulation.SimulateCommand "$@"
