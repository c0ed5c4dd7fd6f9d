#!/usr/bin/env bash
# hone: check, stats, export: the question bank's validator and reports (catalog/FORMAT.md)
# hone catalog check | stats | export: the question bank's tools (catalog/FORMAT.md).
# Run as `bash infra/commands/catalog.sh ARGS...` from the repo root, or through ./hone catalog.
# Builds the catalog module first when its classes are missing or older than its sources.
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export HONE_ROOT="$root"
module="$root/catalog"
classes="$module/target/classes"
classpath_file="$module/target/classpath.txt"

needs_build() {
  [[ ! -d "$classes" || ! -f "$classpath_file" ]] && return 0
  # Any source, resource or pom newer than the build stamp means a rebuild. Question files are
  # read from the source tree by default, so editing them does not need one.
  [[ -n "$(find "$module/pom.xml" "$module/src/main/java" -newer "$classpath_file" -print -quit 2>/dev/null)" ]]
}

if needs_build; then
  echo "hone catalog: building the catalog module..." >&2
  (cd "$root" && mvn -q -N install && mvn -q -f catalog/pom.xml -DskipTests package) >&2
  touch "$classpath_file"
fi

cd "$root"
exec java -cp "$classes:$(cat "$classpath_file")" dev.hone.catalog.cli.CatalogCommand "$@"
