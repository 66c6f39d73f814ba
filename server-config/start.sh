#!/usr/bin/env bash
# Builds the WAR and runs it on Payara Micro at http://127.0.0.1:${PORT:-7777}/.
# Settings come from the environment; server-config/local.env fills in what is not set.
# The Payara Micro flags come from server-config/payara-micro.args, the JVM options from
# server-config/jvm.options plus jvm-25.options on JDK 25+ (JAVA_OPTS, when set, replaces both), the
# Java runtime from server-config/java-runtime.sh (JDK 25+ when installed, SOCKET_JAVA_HOME to choose):
# the recipe the tests and the benchmark use too.
# Extra arguments are passed to Payara Micro (e.g. --clustermode tcpip:127.0.0.1 --interfaces 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

# local development defaults (allow-all authorization, a known secret): a container image leaves the file out
if [[ -f server-config/local.env ]]; then
  while IFS='=' read -r name value; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    [[ -z "${!name:-}" ]] && export "$name=$value"
  done < server-config/local.env
fi

if [[ "${SKIP_BUILD:-false}" != "true" ]]; then
  mvn -q -B package -DskipTests
fi

CLUSTERED=false
for arg in "$@"; do
  [[ "$arg" == --clustermode* ]] && CLUSTERED=true
done
case "${SOCKET_LOG_FORMAT:-text}" in
  text) LOGGING=./logging.properties ;;
  json) LOGGING=./logging-json.properties ;;
  *) echo "SOCKET_LOG_FORMAT must be text or json, not '${SOCKET_LOG_FORMAT}'" >&2; exit 2 ;;
esac
MICRO_ARGS=()
while read -r flag value; do
  [[ -z "$flag" || "$flag" == \#* ]] && continue
  [[ "$flag" == --nohazelcast && "$CLUSTERED" == true ]] && continue
  [[ "$flag" == --logproperties ]] && value=$LOGGING
  MICRO_ARGS+=("$flag")
  if [[ -n "$value" ]]; then MICRO_ARGS+=("${value/#.\//server-config/}"); fi
done < server-config/payara-micro.args

PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
read -r JAVA_BIN JAVA_FEATURE < <(bash server-config/java-runtime.sh)
JVM_OPTS=${JAVA_OPTS:-$(grep -v '^#' server-config/jvm.options | xargs)}
if [[ -z "${JAVA_OPTS:-}" && "$JAVA_FEATURE" -ge 25 ]]; then
  JVM_OPTS="$JVM_OPTS $(grep -v '^#' server-config/jvm-25.options | xargs)"
fi
mkdir -p target/payara-tmp
# JDK 25's ahead-of-time cache (JEP 514) of the classes Payara Micro loads: the first start records
# them and writes the cache when it stops (SIGTERM or Ctrl-C; that takes a few seconds more), later
# starts load it. One cache per Payara version and exact JDK build; SOCKET_AOT_CACHE=false turns it off.
AOT_NOTE=""
if [[ "$JAVA_FEATURE" -ge 25 && "${SOCKET_AOT_CACHE:-true}" == "true" ]]; then
  JDK_BUILD=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$(dirname "$(dirname "$(readlink -f "$JAVA_BIN")")")/release")
  AOT_CACHE="target/payara-micro-${PAYARA_VERSION}-java-${JDK_BUILD:-$JAVA_FEATURE}.aot"
  if [[ -f "$AOT_CACHE" ]]; then
    JVM_OPTS="$JVM_OPTS -XX:AOTCache=$AOT_CACHE"
    AOT_NOTE=", ahead-of-time cache $AOT_CACHE"
  else
    JVM_OPTS="$JVM_OPTS -XX:AOTCacheOutput=$AOT_CACHE"
    AOT_NOTE=", recording the ahead-of-time cache $AOT_CACHE (written when this server stops)"
  fi
fi
STARTING="ZinTrust Socket: Payara Micro on Java $JAVA_FEATURE ($JAVA_BIN)$AOT_NOTE"
if [[ "${SOCKET_LOG_FORMAT:-text}" == json ]]; then
  printf '{"Level":"INFO","LoggerName":"start.sh","LogMessage":"%s"}\n' "${STARTING//\"/\\\"}" >&2
else
  echo "$STARTING" >&2
fi
exec "$JAVA_BIN" $JVM_OPTS -Djava.io.tmpdir=target/payara-tmp \
  -jar "target/payara-micro-${PAYARA_VERSION}.jar" \
  --deploy target/zintrust-socket.war --port "${PORT:-7777}" \
  "${MICRO_ARGS[@]}" "$@"
