#!/usr/bin/env bash
# hone: [--quick] [--report OUT.json]: the fault suite with larger volumes (broker restart, ClickHouse away, kill -9, resends, poison, erasure, full state disk, scale out and in)
# hone chaos [--quick] [--report OUT.json]
# Runs the fault-tagged suite (infra FaultSuiteIntegrationTests) on engines of its own, as
# `./hone test` runs it in CI but with more learners and answers: --quick ~20k answers in the
# ClickHouse outage and 30 s away; without it 100k answers and the full 60 s. Prints the summary
# table; --report writes {mode, scenarios: [{scenario, sent, accepted, inClickHouse, inDlq, mismatches}]}.
set -euo pipefail

root="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
mode=full
report=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) mode=quick; shift ;;
    --report) [[ $# -ge 2 ]] || { echo "hone chaos: --report needs a file" >&2; exit 2; }; report="$(realpath -m "$2")"; shift 2 ;;
    *) echo "hone chaos: unknown argument '$1' (use --quick, --report OUT.json)" >&2; exit 2 ;;
  esac
done

export HONE_CHAOS_MODE="$mode"
[[ -n "$report" ]] && export HONE_CHAOS_REPORT="$report"
# the suite starts its own broker and ClickHouse; ./hone test provides the build and the shared engines.
# The services are named too: infra starts them from their jars without depending on those modules.
exec "$root/hone" test -pl ingest,recommender,analytics,infra -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultSuiteIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false
