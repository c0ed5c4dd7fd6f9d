#!/usr/bin/env bash
# hone: --answers N: realistic answers straight into ClickHouse for the dashboards (analytics/README.md)
# hone seed --answers N [--learners 10000] [--months 6] [--url http://127.0.0.1:18123] [--database hone]
# Writes through the analytics loader's insert path (streamed TSV); run with `./hone up` running,
# or point --url at any ClickHouse. Builds the analytics module first when its classes are missing.
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
module="$root/analytics"
classes="$module/target/classes"
classpath_file="$module/target/classpath.txt"

if [[ ! -d "$classes" || ! -f "$classpath_file" || -n "$(find "$module/pom.xml" "$module/src/main" -newer "$classpath_file" -print -quit 2>/dev/null)" ]]; then
  echo "hone seed: building the analytics module..." >&2
  (cd "$root" && mvn -q -N install && mvn -q -pl events,catalog,analytics -am -DskipTests install \
     && mvn -q -f analytics/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2
  touch "$classpath_file"
fi

url_given=0
for a in "$@"; do [[ "$a" == --url ]] && url_given=1; done
extra=()
[[ $url_given == 0 ]] && extra=(--url "http://127.0.0.1:${HONE_CLICKHOUSE_HTTP_PORT:-18123}")
exec java -Xmx1g -cp "$classes:$(cat "$classpath_file")" dev.hone.analytics.seed.SeedCommand "${extra[@]}" "$@"
