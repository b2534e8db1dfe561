#!/usr/bin/env bash
# Runs qrelease, building it first when the jar is missing or older than the sources,
# so that a checkout never runs stale code. JAVA_OPTS goes to the JVM (e.g. -Xmx256m).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/qrelease.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$jar" -print -quit)" ]; then
  build_log="$(mktemp)"
  if ! (cd "$here" && mvn -q -B -DskipTests package) >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    echo "The build failed (output above); fix it and run the command again." >&2
    exit 2
  fi
  rm -f "$build_log"
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
