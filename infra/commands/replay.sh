#!/usr/bin/env bash
# hone: replay an interaction log through a learner model: AUC, RMSE, log loss, ECE, speed (model/README.md)
# ./hone replay ARGS... : runs dev.hone.model.replay.ReplayCommand from the model module.
# Invoked from the repository root with HONE_ROOT set; relative paths in ARGS are resolved from the
# caller's current directory. Builds the model module first if it was never built or its sources changed.
# HONE_JAVA_OPTS replaces the default JVM options (-Xmx1g -XX:TieredStopAtLevel=1), e.g. for a training file of several million rows.
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
model="$root/model"
stamp="$model/target/.built"

if [[ ! -f "$stamp" || ! -f "$model/target/classpath.txt" || -n "$(find "$model/src/main" "$model/pom.xml" "$root/pom.xml" -newer "$stamp" -print -quit)" ]]; then
  echo "building the model module ..." >&2
  (cd "$root" && mvn -q -N install && mvn -q -f model/pom.xml -DskipTests package) >&2
  touch "$stamp"
fi

# C1 only: on one core, C2 compilation competes with a replay of tens of thousands of rows for the CPU
# (measured on assist09-test pinned to one core: ~140k answers/s with C2, ~430k with C1 only).
exec java ${HONE_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1} -XX:+UseSerialGC -cp "$model/target/classes:$(cat "$model/target/classpath.txt")" \
  dev.hone.model.replay.ReplayCommand "$@"
