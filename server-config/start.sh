#!/usr/bin/env bash
# Builds the WAR and runs it on Payara Micro at http://127.0.0.1:${PORT:-7777}/.
# Settings come from the environment; server-config/local.env fills in what is not set.
# Extra arguments are passed to Payara Micro (e.g. --clustermode tcpip:127.0.0.1 --interfaces 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

while IFS='=' read -r name value; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ -z "${!name:-}" ]] && export "$name=$value"
done < server-config/local.env

if [[ "${SKIP_BUILD:-false}" != "true" ]]; then
  mvn -q -B package -DskipTests
fi

PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
CLUSTER_ARGS=(--nocluster)
for arg in "$@"; do
  [[ "$arg" == --clustermode* ]] && CLUSTER_ARGS=()
done

JVM_OPTS=${JAVA_OPTS:-$(grep -v '^#' server-config/jvm.options | xargs)}
mkdir -p target/payara-tmp
exec java $JVM_OPTS -Djava.io.tmpdir=target/payara-tmp \
  -jar "target/payara-micro-${PAYARA_VERSION}.jar" \
  --deploy target/zintrust-socket.war --contextroot / \
  --port "${PORT:-7777}" --disablephonehome "${CLUSTER_ARGS[@]}" \
  --prebootcommandfile server-config/pre-boot-commands.asadmin \
  --postbootcommandfile server-config/post-boot-commands.asadmin \
  --logproperties server-config/logging.properties \
  "$@"
