# Hone's launcher functions, sourced by ./hone and by infra/commands that start engines (bench.sh).
# Expects HONE_ROOT and STATE_ROOT to be set; `profile NAME` picks the ports and state folder.
# ---------------------------------------------------------------- output

if [ -t 1 ]; then BOLD=$'\e[1m'; RED=$'\e[31m'; GREEN=$'\e[32m'; DIM=$'\e[2m'; RESET=$'\e[0m'; else BOLD=; RED=; GREEN=; DIM=; RESET=; fi
STARTED_AT=$(date +%s)
say()  { printf '%s[hone %3ss]%s %s\n' "$DIM" "$(( $(date +%s) - STARTED_AT ))" "$RESET" "$*"; }
ok()   { say "${GREEN}ok${RESET} $*"; }
# fail STEP LOG FIX: names the step, the log to read and the likely fix, then exits.
fail() {
  printf '%s[hone] FAILED: %s%s\n' "$RED$BOLD" "$1" "$RESET" >&2
  [ -n "${2:-}" ] && printf '  log:  %s\n' "$2" >&2 && [ -f "$2" ] && tail -n 15 "$2" | sed 's/^/    /' >&2
  [ -n "${3:-}" ] && printf '  fix:  %s\n' "$3" >&2
  exit 1
}

# ---------------------------------------------------------------- profiles

# Two profiles on separate ports and state folders, so tests can run beside a running Hone.
# Every port can be moved with the environment variable named next to it.
profile() {
  PROFILE="$1"
  STATE="$STATE_ROOT/$PROFILE"
  LOGS="$STATE/logs"
  PIDS="$STATE/pids"
  if [ "$PROFILE" = up ]; then
    INGEST_PORT="${HONE_INGEST_PORT:-8080}"
    RECOMMENDER_PORT="${HONE_RECOMMENDER_PORT:-8081}"
    ANALYTICS_PORT="${HONE_ANALYTICS_PORT:-8082}"
    KAFKA_PORT="${HONE_KAFKA_PORT:-19092}"
    KAFKA_CONTROLLER_PORT="${HONE_KAFKA_CONTROLLER_PORT:-19093}"
    CH_HTTP_PORT="${HONE_CLICKHOUSE_HTTP_PORT:-18123}"
    CH_TCP_PORT="${HONE_CLICKHOUSE_TCP_PORT:-19000}"
    CH_INTERSERVER_PORT="${HONE_CLICKHOUSE_INTERSERVER_PORT:-19009}"
  elif [ "$PROFILE" = bench ]; then
    # ./hone bench: its own engines and services, so it runs beside `up` and `test`
    INGEST_PORT="${HONE_BENCH_INGEST_PORT:-38080}"
    RECOMMENDER_PORT="${HONE_BENCH_RECOMMENDER_PORT:-38081}"
    RECOMMENDER_2_PORT="${HONE_BENCH_RECOMMENDER_2_PORT:-38084}"
    ANALYTICS_PORT="${HONE_BENCH_ANALYTICS_PORT:-38082}"
    KAFKA_PORT="${HONE_BENCH_KAFKA_PORT:-39092}"
    KAFKA_CONTROLLER_PORT="${HONE_BENCH_KAFKA_CONTROLLER_PORT:-39093}"
    CH_HTTP_PORT="${HONE_BENCH_CLICKHOUSE_HTTP_PORT:-38123}"
    CH_TCP_PORT="${HONE_BENCH_CLICKHOUSE_TCP_PORT:-39000}"
    CH_INTERSERVER_PORT="${HONE_BENCH_CLICKHOUSE_INTERSERVER_PORT:-39009}"
  else
    KAFKA_PORT="${HONE_TEST_KAFKA_PORT:-29092}"
    KAFKA_CONTROLLER_PORT="${HONE_TEST_KAFKA_CONTROLLER_PORT:-29093}"
    CH_HTTP_PORT="${HONE_TEST_CLICKHOUSE_HTTP_PORT:-28123}"
    CH_TCP_PORT="${HONE_TEST_CLICKHOUSE_TCP_PORT:-29000}"
    CH_INTERSERVER_PORT="${HONE_TEST_CLICKHOUSE_INTERSERVER_PORT:-29009}"
  fi
  mkdir -p "$LOGS" "$PIDS"
}

# ---------------------------------------------------------------- processes

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() { # PORT SETTING
  if port_busy "$1"; then
    fail "port $1 is busy" "" "stop what listens on $1 (e.g. 'ss -ltnp | grep :$1'), or move Hone: $2=<free port> ./hone ${PROFILE}"
  fi
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid NAME: TERM, then KILL after 20 s; only processes this launcher recorded.
stop_pid() {
  local file="$PIDS/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$1 did not stop in 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

# wait_until WHAT SECONDS LOG FIX -- COMMAND...: polls COMMAND every half second, says how long it waits.
wait_until() {
  local what="$1" limit="$2" log="$3" fix="$4" start now
  shift 5
  start=$(date +%s)
  while ! "$@"; do
    now=$(date +%s)
    if (( now - start >= limit )); then fail "$what did not become ready within ${limit}s" "$log" "$fix"; fi
    if (( (now - start) % 10 == 0 )) && (( now > start )) && [ "${_last_said:-}" != "$now" ]; then
      say "  still waiting for $what ($(( now - start ))s of ${limit}s)"; _last_said=$now
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------- set-up

need_root_for() {
  [ "$(id -u)" = 0 ] || fail "$1 needs root" "" "run: sudo apt-get install -y $2"
}

ensure_tools() {
  command -v java >/dev/null || fail "Java 17 not found" "" "install a JDK 17: apt-get install -y openjdk-17-jdk-headless"
  command -v mvn >/dev/null || fail "Maven not found" "" "apt-get install -y maven"
}

ensure_clickhouse() {
  command -v clickhouse-server >/dev/null && return 0
  say "installing ClickHouse from Debian's packages (clickhouse-server, clickhouse-client; ~1 min)"
  need_root_for "installing ClickHouse" "clickhouse-server clickhouse-client"
  # keep the package's own service from starting: Hone runs a private instance on its own ports
  local policy=/usr/sbin/policy-rc.d created=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created=1; fi
  mkdir -p "$STATE_ROOT"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client; } \
    > "$STATE_ROOT/apt.log" 2>&1 || { [ $created = 1 ] && rm -f "$policy"; fail "installing ClickHouse" "$STATE_ROOT/apt.log" "check that Debian's package mirror is reachable, then run again"; }
  [ $created = 1 ] && rm -f "$policy"
  ok "ClickHouse $(clickhouse-server --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1) installed"
}

# Builds when a module's sources are newer than its jar (first build downloads dependencies: a few minutes).
ensure_built() {
  local stamp="$HONE_ROOT/infra/target/broker-lib"
  if [ -d "$stamp" ] && [ -z "$(find "$HONE_ROOT" -path "$HONE_ROOT/.hone" -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.yaml' -o -name '*.sql' -o -name 'pom.xml' \) -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  say "building Hone (mvn install, tests skipped; the first build downloads dependencies and takes 3-6 min)"
  (cd "$HONE_ROOT" && mvn -B -q -DskipTests install) > "$STATE_ROOT/build.log" 2>&1 \
    || fail "building Hone" "$STATE_ROOT/build.log" "read the compiler or dependency error above; 'mvn -DskipTests install' shows it in full"
  touch "$stamp"
  ok "built"
}

# The dev token issuer's HMAC secret: made once per state folder, readable only by its owner; the services
# get it as HONE_DEV_TOKEN_SECRET and `./hone token` signs with it. A real identity provider replaces it
# (README, "Who may see what").
ensure_dev_secret() {
  local file="$STATE/dev-token-secret"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' > "$file")
    say "made the dev token secret (${file#"$HONE_ROOT"/})"
  fi
  DEV_TOKEN_SECRET=$(cat "$file")
}

# ---------------------------------------------------------------- engines

start_clickhouse() {
  local dir="$STATE/clickhouse" log="$LOGS/clickhouse.log"
  require_free_port "$CH_HTTP_PORT" "HONE_${PROFILE_VAR}CLICKHOUSE_HTTP_PORT"
  require_free_port "$CH_TCP_PORT" "HONE_${PROFILE_VAR}CLICKHOUSE_TCP_PORT"
  require_free_port "$CH_INTERSERVER_PORT" "HONE_${PROFILE_VAR}CLICKHOUSE_INTERSERVER_PORT"
  mkdir -p "$dir/log" "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
  sed -e "s#@DIR@#$dir#g" -e "s#@HTTP_PORT@#$CH_HTTP_PORT#" -e "s#@TCP_PORT@#$CH_TCP_PORT#" \
      -e "s#@INTERSERVER_PORT@#$CH_INTERSERVER_PORT#" "$HONE_ROOT/infra/clickhouse/config.xml.template" > "$dir/config.xml"
  cp "$HONE_ROOT/infra/clickhouse/users.xml" "$dir/users.xml"
  say "starting ClickHouse on 127.0.0.1:$CH_HTTP_PORT (data in ${dir#"$HONE_ROOT"/})"
  clickhouse-server --config-file="$dir/config.xml" --pid-file="$PIDS/clickhouse.pid" --daemon > "$log" 2>&1 < /dev/null \
    || fail "starting ClickHouse" "$dir/log/clickhouse-server.err.log" "read the error log; a stale $PIDS/clickhouse.pid or a busy port are the usual causes"
  wait_until "ClickHouse" 60 "$dir/log/clickhouse-server.err.log" "read the error log above" -- curl -sf -o /dev/null "http://127.0.0.1:$CH_HTTP_PORT/ping"
  ok "ClickHouse ready"
}

start_kafka() {
  local dir="$STATE/kafka" log="$LOGS/kafka.log" cp="$HONE_ROOT/infra/target/broker-lib/*"
  require_free_port "$KAFKA_PORT" "HONE_${PROFILE_VAR}KAFKA_PORT"
  require_free_port "$KAFKA_CONTROLLER_PORT" "HONE_${PROFILE_VAR}KAFKA_CONTROLLER_PORT"
  mkdir -p "$dir"
  sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      "$HONE_ROOT/infra/kafka/server.properties.template" > "$dir/server.properties"
  local log4j="-Dlog4j2.configurationFile=$HONE_ROOT/infra/kafka/log4j2.yaml"
  if [ ! -f "$dir/data/meta.properties" ]; then
    say "formatting the Kafka log folder (KRaft, one node)"
    local cluster_id
    cluster_id=$(java "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$log") || fail "creating a Kafka cluster id" "$log" ""
    java "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >> "$log" 2>&1 \
      || fail "formatting Kafka storage" "$log" "remove $dir and run again"
  fi
  say "starting the Kafka broker (KRaft) on 127.0.0.1:$KAFKA_PORT"
  setsid java -Xms256m -Xmx512m -XX:+UseG1GC "$log4j" -cp "$cp" kafka.Kafka "$dir/server.properties" >> "$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/kafka.pid"
  wait_until "Kafka" 90 "$log" "read the broker log above" -- alive_and_listening kafka "$KAFKA_PORT" "$log"
  ok "Kafka ready"
}

# ---------------------------------------------------------------- services

# start_service NAME PORT HEAP [INSTANCE]: INSTANCE (default NAME) names the pid file, log and
# state folder, so a second recommender can run beside the first (same application id).
start_service() {
  local name="$1" port="$2" heap="$3" instance="${4:-$1}"
  local log="$LOGS/$instance.log" jar="$HONE_ROOT/$name/target/$name-exec.jar" own_port="$RECOMMENDER_PORT"
  [ "$name" = recommender ] && own_port="$port"
  # HONE_SERVICE_JAVA_OPTS: extra JVM options (a profiler); @NAME@ becomes the instance, e.g. one JFR file each
  local service_opts="${HONE_SERVICE_JAVA_OPTS:-}"; service_opts="${service_opts//@NAME@/$instance}"
  # HONE_SERVICE_GC: the collector (one flag; the JVM refuses two): Serial by default, as infra/k8s runs them
  local gc="${HONE_SERVICE_GC:--XX:+UseSerialGC}"
  [ -f "$jar" ] || fail "starting $name" "" "the jar $jar is missing: run 'mvn -DskipTests install'"
  say "starting $name on http://127.0.0.1:$port"
  # ExitOnOutOfMemoryError: a heap exhausted inside a stream thread or a loader ends the process at
  # once (open Kafka transactions abort, nothing half-committed) instead of leaving it half alive.
  # setsid: the service leaves the terminal's process group, so only this launcher stops it;
  # started directly (no subshell), $! is the JVM itself and its pid file names exactly it.
  HONE_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" \
    HONE_CLICKHOUSE_URL="http://127.0.0.1:$CH_HTTP_PORT" \
    HONE_RECOMMENDER_URL="http://127.0.0.1:$RECOMMENDER_PORT" \
    HONE_ANALYTICS_URL="http://127.0.0.1:$ANALYTICS_PORT" \
    HONE_RECOMMENDER_STATE_DIR="$STATE/$instance-state" \
    HONE_DEV_TOKEN_SECRET="${HONE_DEV_TOKEN_SECRET:-${DEV_TOKEN_SECRET:-}}" \
    HONE_INGEST_PORT="$INGEST_PORT" HONE_RECOMMENDER_PORT="$own_port" HONE_ANALYTICS_PORT="$ANALYTICS_PORT" \
    setsid java "-Xmx$heap" "$gc" -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError ${service_opts} -jar "$jar" > "$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$instance.pid"
}

# alive_and_listening NAME PORT LOG: false while starting; fails at once when the process died.
alive_and_listening() {
  pid_alive "$PIDS/$1.pid" || fail "$1 exited while starting" "$3" "read the log above"
  port_busy "$2"
}

# service_up NAME PORT: false until its readiness is UP; fails at once when the process died.
service_up() {
  pid_alive "$PIDS/$1.pid" || fail "$1 exited while starting" "$LOGS/$1.log" "read the log above"
  curl -sf "http://127.0.0.1:$2/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'
}

running_pids() {
  local out=""
  for f in "$PIDS"/*.pid; do [ -e "$f" ] && pid_alive "$f" && out="$out $(basename "$f" .pid)"; done
  echo "${out# }"
}

