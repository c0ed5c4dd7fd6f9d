#!/usr/bin/env bash
# hone: --role learner|coach|product|admin [--learner ID] [--cohort ID]... [--ttl 8h]: a dev token on its last line
# ./hone token ARGS... : signs a JWT with the dev issuer's secret, the one `./hone up` passes to the services
# (.hone/up/dev-token-secret, made on first use; HONE_DEV_TOKEN_SECRET overrides it). Dev only: production
# services trust a real identity provider instead (README, "Who may see what").
# Builds the security module (and what it depends on) first if it was never built or its sources changed.
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
module="$root/security"
stamp="$module/target/.built"

if [[ ! -f "$stamp" || ! -f "$module/target/classpath.txt" || -n "$(find "$module/src/main" "$module/pom.xml" "$root/pom.xml" \
      "$root/events/src/main" -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
  echo "building the security module ..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl security -am package) >&2
  touch "$stamp"
fi

secret_file="${HONE_STATE_DIR:-$root/.hone}/up/dev-token-secret"
if [[ -z "${HONE_DEV_TOKEN_SECRET:-}" ]]; then
  if [[ ! -s "$secret_file" ]]; then
    mkdir -p "$(dirname "$secret_file")"
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' > "$secret_file")
  fi
  HONE_DEV_TOKEN_SECRET="$(cat "$secret_file")"
fi
export HONE_DEV_TOKEN_SECRET

exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" \
  dev.hone.security.TokenCommand "$@"
