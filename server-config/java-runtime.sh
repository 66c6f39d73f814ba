#!/usr/bin/env bash
# Prints the Java runtime Payara Micro runs on and its feature version ("<path to java> <version>"):
# start.sh, the integration tests and the benchmark all start the server on what this prints.
# JDK 25 or newer is preferred where one is installed: the same WAR needs about half the memory per
# connection there (compact object headers, see jvm-25.options). In order:
#   1. SOCKET_JAVA_HOME, when set: that runtime, whatever its version;
#   2. JAVA_HOME, when it is 25 or newer;
#   3. the newest 25-or-newer JDK under /usr/lib/jvm (Debian/Ubuntu and Temurin packages put them there);
#   4. JAVA_HOME, else the java on the PATH (Java 17 works; it simply lacks the JDK 25 savings).
set -euo pipefail

version_of() { # the feature version of a java binary, from its release file or by asking it
  local home release
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  release="$home/release"
  if [[ -f "$release" ]] && grep -q '^JAVA_VERSION=' "$release"; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release" | head -1
  else
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

pick() {
  echo "$1 $(version_of "$1")"
  exit 0
}

if [[ -n "${SOCKET_JAVA_HOME:-}" ]]; then
  pick "$SOCKET_JAVA_HOME/bin/java"
fi
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && $(version_of "$JAVA_HOME/bin/java") -ge 25 ]]; then
  pick "$JAVA_HOME/bin/java"
fi
best="" best_version=0
for home in /usr/lib/jvm/*/; do
  [[ -x "${home}bin/java" ]] || continue
  v=$(version_of "${home}bin/java")
  if [[ -n "$v" && "$v" -ge 25 && "$v" -gt "$best_version" ]]; then
    best="${home}bin/java" best_version=$v
  fi
done
if [[ -n "$best" ]]; then
  pick "$best"
fi
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  pick "$JAVA_HOME/bin/java"
fi
pick "$(command -v java)"
