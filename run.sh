#!/usr/bin/env bash
# Runs qrelease, building it first when the jar is missing or older than the sources,
# so that a checkout never runs stale code. JAVA_OPTS goes to the JVM (e.g. -Xmx256m).
#
# Each build is unpacked once beside the jar with a class data sharing archive of the classes a
# command loads: a JVM that maps them instead of loading them from the jar starts every command
# about a second sooner.
set -euo pipefail
# Tables and help fit the terminal they print to: COLUMNS from the environment says its width,
# else stty asks the terminal, when the output goes to one. That costs 3 ms here, where the JVM
# would have to start a process of its own (30 ms, the median of ten). Bash would otherwise
# rewrite COLUMNS after each command it runs, and hand the JVM the terminal's width over the
# caller's.
shopt -u checkwinsize
if [ -z "${COLUMNS:-}" ] && [ -t 1 ] && size="$(stty size </dev/tty 2>/dev/null)"; then
  export COLUMNS="${size#* }"
fi
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

# An archive from another build or another JVM is ignored by the JVM; these keep it from saying so.
quiet_cds=(-Xlog:cds=off -Xlog:cds+dynamic=off)
# A job spends its time on one thread, in HSQLDB rewriting the links of its index nodes: the parallel
# collector's cheaper write barrier made a million-row release about 4 % faster than the default G1.
# A collector named in JAVA_OPTS takes its place (the JVM refuses two).
#
# Rows that HSQLDB's cache evicts outlive a young collection or two, and those the collector promotes
# pile up as garbage in the old generation. A young generation of half the heap (-XX:NewRatio=1)
# lets most of them die young: in a 256 MiB heap, a million-row release had 88 collections instead
# of 136, 3 of them full instead of 6, and took 0.9 s (2.6 %) less over six alternating pairs. In
# 96 MiB it left the old generation too small for what a run holds (66 full collections instead of
# 31), so with a heap under 256 MiB, or a young generation or a collector named in JAVA_OPTS, the
# JVM sizes the generations itself.
collector=(-XX:+UseParallelGC)
young=(-XX:NewRatio=1)
for option in ${JAVA_OPTS:-}; do
  case "$option" in
    -XX:+Use*GC) collector=() young=() ;;
    -Xmn*|-XX:NewSize=*|-XX:MaxNewSize=*|-XX:NewRatio=*) young=() ;;
    -Xmx*)
      if [[ "${option#-Xmx}" =~ ^([0-9]+)([kKmMgG]?)$ ]]; then
        case "${BASH_REMATCH[2]}" in
          g|G) heap_mib=$((BASH_REMATCH[1] * 1024)) ;;
          m|M) heap_mib=${BASH_REMATCH[1]} ;;
          k|K) heap_mib=$((BASH_REMATCH[1] / 1024)) ;;
          *) heap_mib=$((BASH_REMATCH[1] / 1048576)) ;;
        esac
        if [ "$heap_mib" -lt 256 ]; then young=(); fi
      fi
      ;;
  esac
done
# Named after the jar's build time, so that a new build gets its own and a concurrent command can
# keep running from the previous one. Creating the folder claims it: of two commands started at
# once, one unpacks while the other runs from the jar.
app="$here/target/app-$(date -r "$jar" +%s)"
if mkdir "$app" 2>/dev/null; then
  find "$here/target" -maxdepth 1 -name 'app-*' ! -name "$(basename "$app")" -exec rm -rf {} + 2>/dev/null || true
  if java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null 2>&1; then
    scratch="$(mktemp -d)"
    # One command against an empty scratch database loads what every command needs. The archive
    # holds the classes' paths, so it is made where the classes stay, and appears only when whole.
    java "${quiet_cds[@]}" "${collector[@]}" -XX:ArchiveClassesAtExit="$scratch/qrelease.jsa" -jar "$app/qrelease.jar" \
      actions --db "jdbc:hsqldb:file:$scratch/db" >/dev/null 2>&1 || true
    mv "$scratch/qrelease.jsa" "$app/qrelease.jsa" 2>/dev/null || true
    rm -rf "$scratch"
  fi
fi
if [ -f "$app/qrelease.jsa" ]; then
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  exec java "${quiet_cds[@]}" "${collector[@]}" "${young[@]}" -XX:SharedArchiveFile="$app/qrelease.jsa" ${JAVA_OPTS:-} -jar "$app/qrelease.jar" "$@"
fi
# shellcheck disable=SC2086
exec java "${collector[@]}" "${young[@]}" ${JAVA_OPTS:-} -jar "$jar" "$@"
