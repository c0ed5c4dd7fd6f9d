#!/usr/bin/env bash
# hone: fit the learner models' global parameters on an interaction log (model/README.md)
# ./hone fit ARGS... : runs dev.hone.model.fit.FitCommand from the model module.
# Invoked from the repository root with HONE_ROOT set; relative paths in ARGS are resolved from the
# caller's current directory. Builds the model module first if it was never built or its sources changed.
# HONE_JAVA_OPTS replaces the default JVM options (-Xmx1g), e.g. for a training file of several million rows.
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
model="$root/model"
stamp="$model/target/.built"

if [[ ! -f "$stamp" || ! -f "$model/target/classpath.txt" || -n "$(find "$model/src/main" "$model/pom.xml" "$root/pom.xml" -newer "$stamp" -print -quit)" ]]; then
  echo "building the model module ..." >&2
  (cd "$root" && mvn -q -N install && mvn -q -f model/pom.xml -DskipTests package) >&2
  touch "$stamp"
fi

exec java ${HONE_JAVA_OPTS:--Xmx1g} -XX:+UseSerialGC -cp "$model/target/classes:$(cat "$model/target/classpath.txt")" \
  dev.hone.model.fit.FitCommand "$@"
