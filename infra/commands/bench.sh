#!/usr/bin/env bash
# hone: [--quick] [--report FILE] [ROW...]: Hone's speed beside Kafka's and ClickHouse's own tools in one run, one table (bench/README.md)
# ./hone bench [--quick] [--report FILE] [ingest|ingest-latency|recommender|recommender-history|loader|queue|dashboards|freshness|replay|memory|jmh ...]
# Starts its own ClickHouse and Kafka (profile "bench": .hone/bench, ports HONE_BENCH_*), measures the
# engines' own tools first, then ingest alone for its rows, then two recommenders, ingest and analytics on
# an emptied broker for the rows that go through the services; writes bench/results/<date>.json (or FILE) and the Markdown table
# beside it, and stops everything it started. Exits non-zero when a run fails, not when a goal is missed.
# HONE_BENCH_JAVA_OPTS adds JVM options to the bench's JVM, HONE_SERVICE_JAVA_OPTS to the services'
# (e.g. -XX:StartFlightRecording=filename=/tmp/@NAME@.jfr: @NAME@ becomes each service's instance name).
set -euo pipefail

HONE_ROOT="${HONE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export HONE_ROOT
STATE_ROOT="${HONE_STATE_DIR:-$HONE_ROOT/.hone}"
# shellcheck source=infra/lib/launcher.sh
source "$HONE_ROOT/infra/lib/launcher.sh"

# Rows that need only the engines run first; those that go through the services after them.
ENGINE_ROWS=(replay jmh recommender recommender-history memory loader)
SERVICE_ROWS=(ingest ingest-latency queue dashboards freshness)

usage() {
  cat <<USAGE
./hone bench [--quick] [--report FILE] [ROW...]
  ROW: ${ENGINE_ROWS[*]} ${SERVICE_ROWS[*]} (default: all)
  --quick        reduced sizes, the same table, under 5 minutes
  --report FILE  the JSON report (default bench/results/<date>.json); the Markdown table goes beside it (.md)
USAGE
}

mode=full
report=""
rows=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --report) [ $# -ge 2 ] || fail "--report needs a file" "" "./hone bench --report bench/results/mine.json"; report="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; fail "unknown option for bench: $1" "" "see the usage above" ;;
    *)
      if [[ " ${ENGINE_ROWS[*]} ${SERVICE_ROWS[*]} " != *" $1 "* ]]; then
        usage >&2; fail "unknown row: $1" "" "pick rows from the list above"
      fi
      rows+=("$1") ;;
  esac
  shift
done
[ ${#rows[@]} -gt 0 ] || rows=("${ENGINE_ROWS[@]}" "${SERVICE_ROWS[@]}")
selected() { local want=(); for r in "$@"; do [[ " ${rows[*]} " == *" $r "* ]] && want+=("$r"); done; (IFS=,; echo "${want[*]:-}"); }
engine_rows=$(selected "${ENGINE_ROWS[@]}")
service_rows=$(selected "${SERVICE_ROWS[@]}")
[ -n "$report" ] || report="$HONE_ROOT/bench/results/$(date -u +%F).json"
case "$report" in /*) ;; *) report="$PWD/$report" ;; esac

profile bench; PROFILE_VAR="BENCH_"
ensure_dev_secret
export HONE_DEV_TOKEN_SECRET="$DEV_TOKEN_SECRET" # the services check tokens; the bench signs its own admin token
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
ensure_tools
ensure_clickhouse

# Builds the bench and the services' jars (no install) when any source is newer than the last build.
stamp="$STATE/.built"
if [ ! -f "$stamp" ] || [ ! -f "$HONE_ROOT/bench/target/classpath.txt" ] || [ -n "$(find "$HONE_ROOT" -path "$HONE_ROOT/.hone" -prune -o -path '*/target' -prune -o \
     \( -name '*.java' -o -name '*.yml' -o -name '*.yaml' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.xml' \) -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  say "building the bench, the services and the broker's classpath (tests skipped)"
  (cd "$HONE_ROOT" && mvn -B -q -DskipTests -pl bench,ingest,recommender,analytics,infra -am package) > "$LOGS/build.log" 2>&1 \
    || fail "building the bench" "$LOGS/build.log" "read the compiler or dependency error above"
  touch "$stamp"
  ok "built"
fi

stop_all() {
  for name in analytics ingest recommender-2 recommender kafka clickhouse; do stop_pid "$name"; done
}
# a fresh broker and database every run: every row starts from the same, empty state
say "removing the previous bench's engines and data (.hone/bench)"
stop_all
rm -rf "$STATE/kafka" "$STATE/clickhouse" "$STATE"/recommender*-state "$STATE/streams" "$STATE/rows.json"
trap stop_all EXIT
start_clickhouse
start_kafka

bench_java() {
  # HONE_BENCH_JAVA_OPTS (a profiler, say) applies to the measuring runs only, not to reset and report
  local opts=""; [ "$1" = run ] && opts="${HONE_BENCH_JAVA_OPTS:-}"
  # shellcheck disable=SC2086
  java -Xmx2g $opts -cp "$HONE_ROOT/bench/target/classes:$(cat "$HONE_ROOT/bench/target/classpath.txt")" \
    dev.hone.bench.BenchCommand "$@"
}
quick_flag=(); [ "$mode" = quick ] && quick_flag=(--quick)
common=(--results "$STATE/rows.json" --root "$HONE_ROOT" --state "$STATE" --kafka "127.0.0.1:$KAFKA_PORT"
        --clickhouse-url "http://127.0.0.1:$CH_HTTP_PORT" --clickhouse-port "$CH_TCP_PORT"
        --ingest "http://127.0.0.1:$INGEST_PORT" --analytics "http://127.0.0.1:$ANALYTICS_PORT" "${quick_flag[@]}")
failed=0

if [ -n "$engine_rows" ]; then
  say "measuring against the engines' own tools: $engine_rows ($mode)"
  bench_java run --rows "$engine_rows" "${common[@]}" || failed=1
fi

if [ -n "$service_rows" ]; then
  if [ -n "$engine_rows" ]; then
    # the services would otherwise start by reading everything the rows above put on the topics
    say "emptying the broker for the services"
    bench_java reset --kafka "127.0.0.1:$KAFKA_PORT" || fail "deleting the bench broker's topics" "" "run again; the broker log is $LOGS/kafka.log"
  fi
  # the ingest row measures throughput, not the rate limiter: one bench client sends for few learners
  export HONE_LIMITS_PERCLIENT_ENABLED=false HONE_LIMITS_PERLEARNER_ENABLED=false
  # the services with the JIT production gives them (infra/k8s: tiered, C2), as the peers run: the
  # launcher's C1-only start (-XX:TieredStopAtLevel=1) suits ./hone up, not a speed figure; the last flag wins
  export HONE_SERVICE_JAVA_OPTS="-XX:TieredStopAtLevel=4 ${HONE_SERVICE_JAVA_OPTS:-}"
  # Ingest's rows run with ingest alone beside the broker, as ProducerPerformance runs: with the recommenders
  # and analytics consuming what ingest accepts, they took most of the two cores (JFR: 4x ingest's samples)
  # and the row measured the pipeline, not ingest; in production they run on other machines. Then ingest
  # stops, the broker is emptied (millions of answers would otherwise be a catch-up under the later rows)
  # and all four services start for the rows that go through them.
  ingest_rows=$(selected ingest ingest-latency)
  consumer_rows=$(selected queue dashboards freshness)
  if [ -n "$ingest_rows" ]; then
    start_service ingest "$INGEST_PORT" 256m
    wait_until ingest 180 "$LOGS/ingest.log" "read the log above" -- service_up ingest "$INGEST_PORT"
    say "measuring ingest alone (the consumers start after): $ingest_rows ($mode)"
    bench_java run --rows "$ingest_rows" "${common[@]}" || failed=1
    if [ -n "$consumer_rows" ]; then
      stop_pid ingest
      say "emptying the broker of ingest's answers"
      bench_java reset --kafka "127.0.0.1:$KAFKA_PORT" || fail "deleting the bench broker's topics" "" "run again; the broker log is $LOGS/kafka.log"
    fi
  fi
  if [ -n "$consumer_rows" ]; then
    start_service recommender "$RECOMMENDER_PORT" 384m
    start_service recommender "$RECOMMENDER_2_PORT" 384m recommender-2
    start_service ingest "$INGEST_PORT" 256m
    start_service analytics "$ANALYTICS_PORT" 256m
    for s in "recommender $RECOMMENDER_PORT" "recommender-2 $RECOMMENDER_2_PORT" "ingest $INGEST_PORT" "analytics $ANALYTICS_PORT"; do
      set -- $s
      wait_until "$1" 180 "$LOGS/$1.log" "read the log above" -- service_up "$1" "$2"
    done
    ok "services ready"
    say "measuring through the services: $consumer_rows ($mode)"
    bench_java run --rows "$consumer_rows" "${common[@]}" || failed=1
  fi
fi

bench_java report --results "$STATE/rows.json" --mode "$mode" --load-before "$load_before" --out "$report" --markdown "${report%.json}.md" || failed=1
if [ $failed = 1 ]; then
  printf '%s[hone] a bench run failed%s: see the FAILED rows above and %s\n' "$RED$BOLD" "$RESET" "$LOGS/" >&2
  exit 1
fi
