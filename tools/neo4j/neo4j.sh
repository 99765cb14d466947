#!/usr/bin/env bash
# Run a real Neo4j Community server from the Maven Central jars, without Docker.
#
#   neo4j.sh install                          fetch the jars into .neo4j/lib (idempotent)
#   neo4j.sh start  [--port P] [--home DIR] [--fresh]
#   neo4j.sh stop   [--port P] [--home DIR]
#   neo4j.sh status [--port P] [--home DIR]
#
# The server runs the same entry point as the tarball's `neo4j console`
# (org.neo4j.server.CommunityEntryPoint), bound to 127.0.0.1 only, Bolt only, auth off.
# Default home: <repo>/.neo4j/run-<port>, which holds conf/, data/, logs/, neo4j.pid, neo4j.log.
#
# Environment:
#   NEO4J_LIB_DIR  where the jars go (default <repo>/.neo4j/lib)
#   NEO4J_CDS      auto|1|0 (default auto). A Java class-data-sharing archive of
#                  the server's classes (<lib>/../cds/) cuts a boot from ~17 s to
#                  ~6 s. auto uses an archive when one exists, and records one
#                  (slower first boot and stop) only outside CI, because CI works
#                  in a fresh clone and would never reuse it.
#   NEO4J_HEAP     JVM max heap (default 768m)
#   NEO4J_PAGECACHE page cache (default 64m; the bench's 100k-relation import needs more)
#   NEO4J_CONF_EXTRA lines appended to neo4j.conf (e.g. query logging while profiling)
#   NEO4J_JVM_EXTRA  JVM flags appended to the defaults (e.g. -XX:-UseG1GC -XX:+UseParallelGC)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
VERSION="$(tr -d '[:space:]' <"${SCRIPT_DIR}/VERSION")"
LIB_DIR="${NEO4J_LIB_DIR:-${REPO_ROOT}/.neo4j/lib}"
JAVA_BIN="${JAVA_HOME:+${JAVA_HOME}/bin/}java"

DEFAULT_PORT=7687
START_TIMEOUT_S=120
STOP_TIMEOUT_S=30
# Writing the class archive at exit takes ~20 s on a busy 2-core box.
STOP_TIMEOUT_CDS_DUMP_S=120
# Next to the lib it was built from, because it names those jar paths.
CDS_DIR="$(dirname "${LIB_DIR}")/cds"

die() {
  echo "neo4j.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

jar_installed() {
  [[ -f "${LIB_DIR}/neo4j-${VERSION}.jar" ]]
}

cmd_install() {
  if jar_installed; then
    echo "neo4j ${VERSION} jars already in ${LIB_DIR}"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: it is needed to fetch the Neo4j jars"
  # Copy into a scratch dir and swap it in, so an interrupted download never
  # leaves a half-filled lib that a later `install` would mistake for complete.
  local tmp="${LIB_DIR}.tmp.$$"
  rm -rf "${tmp}"
  mkdir -p "$(dirname "${LIB_DIR}")"
  echo "fetching neo4j ${VERSION} jars into ${LIB_DIR} ..."
  # Plugin version pinned: plain `dependency:` resolves 2.8 under Maven 3.8.x.
  # Maven's output is kept for failures only (-q still prints colour codes).
  local mvn_log="${tmp}.log"
  if ! mvn -B -q -f "${SCRIPT_DIR}/pom.xml" \
    "-Dneo4j.version=${VERSION}" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime "-DoutputDirectory=${tmp}" >"${mvn_log}" 2>&1; then
    tail -n 60 "${mvn_log}" >&2 || true
    rm -rf "${tmp}" "${mvn_log}"
    die "mvn failed to fetch the neo4j ${VERSION} jars"
  fi
  rm -f "${mvn_log}"
  [[ -f "${tmp}/neo4j-${VERSION}.jar" ]] || {
    rm -rf "${tmp}"
    die "mvn finished but neo4j-${VERSION}.jar is missing"
  }
  # A lib of another version would mix two Neo4j versions on one classpath.
  rm -rf "${LIB_DIR}"
  # Archives name the jars they were built from; new jars invalidate them.
  rm -rf "${CDS_DIR}"
  mv "${tmp}" "${LIB_DIR}"
  echo "neo4j ${VERSION} jars installed in ${LIB_DIR} ($(du -sh "${LIB_DIR}" | cut -f1))"
}

# Parsed options (shared by start/stop/status).
OPT_PORT=""
OPT_HOME=""
OPT_FRESH=0

parse_opts() {
  while (($# > 0)); do
    case "$1" in
      --port)
        [[ $# -ge 2 ]] || die "--port needs a value"
        OPT_PORT="$2"
        shift 2
        ;;
      --port=*)
        OPT_PORT="${1#--port=}"
        shift
        ;;
      --home)
        [[ $# -ge 2 ]] || die "--home needs a value"
        OPT_HOME="$2"
        shift 2
        ;;
      --home=*)
        OPT_HOME="${1#--home=}"
        shift
        ;;
      --fresh)
        OPT_FRESH=1
        shift
        ;;
      *) die "unknown option: $1" ;;
    esac
  done
  if [[ -n "${OPT_PORT}" ]] && ! [[ "${OPT_PORT}" =~ ^[0-9]+$ && "${OPT_PORT}" -ge 1 && "${OPT_PORT}" -le 65535 ]]; then
    die "invalid port: ${OPT_PORT}"
  fi
}

# Resolve home and port: --home wins for the home; the port then comes from
# --port, else from the conf an earlier `start` wrote there, else the default.
resolve_home_and_port() {
  if [[ -n "${OPT_HOME}" ]]; then
    mkdir -p "${OPT_HOME}"
    HOME_DIR="$(cd "${OPT_HOME}" && pwd)"
    if [[ -n "${OPT_PORT}" ]]; then
      PORT="${OPT_PORT}"
    else
      PORT="$(conf_port "${HOME_DIR}")"
      PORT="${PORT:-${DEFAULT_PORT}}"
    fi
  else
    PORT="${OPT_PORT:-${DEFAULT_PORT}}"
    HOME_DIR="${REPO_ROOT}/.neo4j/run-${PORT}"
  fi
  PID_FILE="${HOME_DIR}/neo4j.pid"
  LOG_FILE="${HOME_DIR}/neo4j.log"
}

conf_port() {
  local conf="$1/conf/neo4j.conf"
  [[ -f "${conf}" ]] || return 0
  sed -n 's/^server\.bolt\.listen_address=.*:\([0-9][0-9]*\)$/\1/p' "${conf}" | head -n 1
}

# Prints the PID if the pid file names a live Neo4j process of this home.
# Checking the command line guards against a recycled PID.
running_pid() {
  [[ -f "${PID_FILE}" ]] || return 1
  local pid
  pid="$(tr -d '[:space:]' <"${PID_FILE}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  kill -0 "${pid}" 2>/dev/null || return 1
  local args
  args="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null || true)"
  [[ "${args}" == *CommunityEntryPoint*"--home-dir=${HOME_DIR}"* ]] || return 1
  echo "${pid}"
}

bolt_open() {
  # bash's /dev/tcp: a successful connect means the Bolt connector is listening.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

write_conf() {
  mkdir -p "${HOME_DIR}/conf" "${HOME_DIR}/data" "${HOME_DIR}/logs"
  # Strict validation is on by default: every key here must exist in 5.26,
  # and no key may appear twice, or the server refuses to start.
  cat >"${HOME_DIR}/conf/neo4j.conf" <<EOF
# Written by tools/neo4j/neo4j.sh start; rewritten on every start.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:${PORT}
server.bolt.advertised_address=127.0.0.1:${PORT}
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=false
dbms.usage_report.enabled=false
server.memory.pagecache.size=${NEO4J_PAGECACHE:-64m}
db.transaction.timeout=60s
server.directories.data=${HOME_DIR}/data
server.directories.logs=${HOME_DIR}/logs
# Transaction logs are preallocated at 256 MB per database by default.
db.tx_log.preallocate=false
db.tx_log.rotation.size=32m
# Bolt waits 5 s twice on shutdown by default; tests close their drivers first.
internal.server.bolt.connection_shutdown_wait_time=1s
internal.server.bolt.thread_pool_shutdown_wait_time=1s
EOF
  if [[ -n "${NEO4J_CONF_EXTRA:-}" ]]; then
    printf '%s\n' "${NEO4J_CONF_EXTRA}" >>"${HOME_DIR}/conf/neo4j.conf"
  fi
}

# Path of the class archive for this Neo4j version and this JVM build.
cds_archive() {
  local java_version
  java_version="$("${JAVA_BIN}" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')"
  echo "${CDS_DIR}/neo4j-${VERSION}-java-${java_version:-unknown}.jsa"
}

# Fills CDS_OPTS for cmd_start (see NEO4J_CDS in the header).
choose_cds_opts() {
  CDS_OPTS=()
  local mode="${NEO4J_CDS:-auto}"
  [[ "${mode}" != 0 ]] || return 0
  local archive
  archive="$(cds_archive)"
  if [[ -s "${archive}" ]]; then
    CDS_OPTS=("-XX:SharedArchiveFile=${archive}")
  elif [[ "${mode}" == 1 || -z "${CI:-}" ]]; then
    rm -f "${HOME_DIR}/neo4j.jsa.tmp"
    CDS_OPTS=("-XX:ArchiveClassesAtExit=${HOME_DIR}/neo4j.jsa.tmp")
  fi
}

# The JVM silently falls back to no sharing (with a [cds] warning) when an
# archive does not match the jars or JVM; drop such an archive so the next
# start records a fresh one.
check_cds_archive() {
  if ((${#CDS_OPTS[@]} > 0)) && [[ "${CDS_OPTS[0]}" == -XX:SharedArchiveFile=* ]] &&
    grep -q '\[cds\]' "${LOG_FILE}" 2>/dev/null; then
    echo "class archive ${CDS_OPTS[0]#*=} was rejected by the JVM; removing it" >&2
    rm -f "${CDS_OPTS[0]#*=}"
  fi
}

# Keep the archive the JVM wrote at exit, unless it may be partial (KILL).
keep_cds_dump() {
  local dump="${HOME_DIR}/neo4j.jsa.tmp"
  [[ -s "${dump}" ]] || return 0
  local archive
  archive="$(cds_archive)"
  mkdir -p "${CDS_DIR}"
  # Copy then rename: the archive may be read by another start meanwhile.
  cp "${dump}" "${archive}.tmp.$$" && mv -f "${archive}.tmp.$$" "${archive}"
  rm -f "${dump}"
  echo "recorded class archive ${archive} (later boots are faster)"
}

# JVM and config errors land on stdout/stderr (LOG_FILE); the server's own
# user log goes to logs/neo4j.log.
print_log_tails() {
  local f
  for f in "${LOG_FILE}" "${HOME_DIR}/logs/neo4j.log"; do
    [[ -s "${f}" ]] || continue
    echo "--- last lines of ${f}:" >&2
    tail -n 40 "${f}" >&2 || true
  done
}

cmd_start() {
  resolve_home_and_port
  jar_installed || die "neo4j ${VERSION} jars not installed; run: bash tools/neo4j/neo4j.sh install"
  command -v "${JAVA_BIN}" >/dev/null 2>&1 || die "java not found (${JAVA_BIN})"

  local pid
  if pid="$(running_pid)"; then
    if bolt_open "${PORT}"; then
      echo "neo4j already running (pid ${pid}), reusing it" >&2
      echo "neo4j ready bolt://127.0.0.1:${PORT}"
      return 0
    fi
    die "neo4j pid ${pid} is running for ${HOME_DIR} but Bolt port ${PORT} is closed; run stop first"
  fi
  rm -f "${PID_FILE}"
  if bolt_open "${PORT}"; then
    die "port ${PORT} on 127.0.0.1 is already in use by another process"
  fi

  if ((OPT_FRESH)); then
    rm -rf "${HOME_DIR}/data" "${HOME_DIR}/logs"
  fi
  write_conf

  # The JVM flags the tarball's neo4j.conf passes via server.jvm.additional
  # (the bootloader is not used here), plus a small fixed heap for CI boxes.
  local -a jvm_opts=(
    -Xms256m "-Xmx${NEO4J_HEAP:-768m}"
    -XX:+UseG1GC
    -XX:-OmitStackTraceInFastThrow
    -XX:+UnlockExperimentalVMOptions
    -XX:+TrustFinalNonStaticFields
    -XX:+DisableExplicitGC
    -XX:+ExitOnOutOfMemoryError
    -Djdk.nio.maxCachedBufferSize=1024
    -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true
    -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  )
  # Extra JVM flags, e.g. for profiling or GC experiments (word-split on purpose).
  # shellcheck disable=SC2206
  [[ -n "${NEO4J_JVM_EXTRA:-}" ]] && jvm_opts+=(${NEO4J_JVM_EXTRA})

  local -a CDS_OPTS
  choose_cds_opts

  local started_at=${SECONDS}
  # setsid: own session, so a Ctrl-C in the caller's terminal does not hit the
  # server. The inner shell records its own PID and then execs java, so the
  # pid file names the JVM itself. All three std streams are redirected so the
  # server never holds the caller's pipes open (Node's execFile waits on them).
  # shellcheck disable=SC2016 # $$ and $@ must expand in the inner shell
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' neo4j-launch "${PID_FILE}" \
    "${JAVA_BIN}" "${jvm_opts[@]}" "${CDS_OPTS[@]}" -cp "${LIB_DIR}/*" \
    org.neo4j.server.CommunityEntryPoint \
    "--home-dir=${HOME_DIR}" "--config-dir=${HOME_DIR}/conf" \
    </dev/null >"${LOG_FILE}" 2>&1 &

  local deadline=$((SECONDS + START_TIMEOUT_S))
  # Plain kill -0 here, not running_pid: until the exec the command line is
  # still the launcher shell's.
  pid=""
  while ((SECONDS < deadline)); do
    if [[ -z "${pid}" && -s "${PID_FILE}" ]]; then
      pid="$(tr -d '[:space:]' <"${PID_FILE}")"
    fi
    if [[ -n "${pid}" ]] && ! kill -0 "${pid}" 2>/dev/null; then
      echo "neo4j exited during startup" >&2
      print_log_tails
      rm -f "${PID_FILE}"
      exit 1
    fi
    if [[ -n "${pid}" ]] && bolt_open "${PORT}"; then
      check_cds_archive
      echo "neo4j started in $((SECONDS - started_at))s (pid ${pid}, home ${HOME_DIR})" >&2
      echo "neo4j ready bolt://127.0.0.1:${PORT}"
      return 0
    fi
    sleep 0.5
  done

  echo "neo4j did not open Bolt on 127.0.0.1:${PORT} within ${START_TIMEOUT_S}s" >&2
  print_log_tails
  stop_pid || true
  exit 1
}

# Stop the server of HOME_DIR by its own PID: TERM (clean shutdown), then KILL.
stop_pid() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "${PID_FILE}"
    return 1
  fi
  local timeout=${STOP_TIMEOUT_S} dumping=0
  if tr '\0' '\n' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q '^-XX:ArchiveClassesAtExit='; then
    dumping=1
    timeout=${STOP_TIMEOUT_CDS_DUMP_S}
  fi
  kill -TERM "${pid}" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while kill -0 "${pid}" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "${pid}" 2>/dev/null; then
    echo "neo4j pid ${pid} ignored TERM for ${timeout}s; sending KILL" >&2
    kill -KILL "${pid}" 2>/dev/null || true
    while kill -0 "${pid}" 2>/dev/null; do
      sleep 0.1
    done
    rm -f "${HOME_DIR}/neo4j.jsa.tmp"
  elif ((dumping)); then
    keep_cds_dump
  fi
  rm -f "${PID_FILE}"
  echo "neo4j stopped (pid ${pid})"
}

cmd_stop() {
  resolve_home_and_port
  stop_pid || echo "neo4j not running (${HOME_DIR})"
}

cmd_status() {
  resolve_home_and_port
  local pid
  if pid="$(running_pid)"; then
    if bolt_open "${PORT}"; then
      echo "neo4j ${VERSION} running (pid ${pid}) bolt://127.0.0.1:${PORT} home ${HOME_DIR}"
    else
      echo "neo4j ${VERSION} starting (pid ${pid}), Bolt port ${PORT} not open yet, home ${HOME_DIR}"
    fi
    return 0
  fi
  echo "neo4j not running (${HOME_DIR})"
  # LSB status code for "program is not running".
  return 3
}

main() {
  (($# > 0)) || usage
  local cmd="$1"
  shift
  case "${cmd}" in
    install)
      (($# == 0)) || die "install takes no options"
      cmd_install
      ;;
    start)
      parse_opts "$@"
      cmd_start
      ;;
    stop)
      parse_opts "$@"
      cmd_stop
      ;;
    status)
      parse_opts "$@"
      cmd_status
      ;;
    -h | --help | help) usage ;;
    *) die "unknown command: ${cmd} (install|start|stop|status)" ;;
  esac
}

main "$@"
