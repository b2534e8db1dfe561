#!/usr/bin/env bash
# Measures qrelease against the hand-written JDBC reference, side by side on this machine in one
# run: generates N messages, imports them, then releases the hunting export with ./run.sh (timing
# the whole command, with a 256 MiB heap) and runs the reference (../shared/bench/RawJdbcRelease.java)
# on the same N, in turn, RUNS times; each release starts from the same imported store. It prints
# every run, then rows/s, peak RSS and peak heap, and the ratios qrelease / reference of the
# medians: one run of each can land in a slow spell of a shared machine that the other missed.
#
# The reference numbers its messages, so its ids ascend and each index lookup lands next to the
# one before; qrelease's exports get the same ascending ids by default, so that both do the same
# work. "random" gives the random GUIDs of real exports, where every lookup lands anywhere.
#
# Without the reference (a clone that has no ../shared beside it, and no QRELEASE_REFERENCE), it
# still imports and releases N rows and prints qrelease's own figures, and says that it skipped the
# comparison.
#
# Usage: bench/release-bench.sh [N [ascending|random [RUNS]]]   (default 1000000 ascending 3)
#        QRELEASE_REFERENCE=PATH/RawJdbcRelease.java bench/release-bench.sh N
set -euo pipefail

n="${1:-1000000}"
ids="${2:-ascending}"
runs="${3:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reference="${QRELEASE_REFERENCE:-$here/../shared/bench/RawJdbcRelease.java}"
work="$(mktemp -d "${TMPDIR:-/tmp}/qrelease-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
db="jdbc:hsqldb:file:$work/db/qrelease"
jar="$here/target/qrelease.jar"

if [ -f "$reference" ]; then
  reference="$(cd "$(dirname "$reference")" && pwd)/$(basename "$reference")"
else
  echo "The JDBC reference $reference is not here, so the comparison with it is skipped and only qrelease's own figures are printed; set QRELEASE_REFERENCE to RawJdbcRelease.java to compare." >&2
  reference=""
fi

cd "$here"
./run.sh --version >/dev/null # builds the jar when it is stale, outside every timing

# Runs a command, recording its wall time in seconds and its peak resident set in MiB, sampled
# from /proc every 100 ms (the last 100 ms of a run may go unseen).
#
# With finished_in=FILE set, a command still running a minute after FILE holds its result line is
# stopped: HSQLDB 2.7 can deadlock when a checkpoint it scheduled itself after a commit meets the
# closing of the database, and the reference prints its result before it closes its connection.
measure() {
  local start end peak=0 hwm ticks_since_result=0 status=0
  start=$(date +%s.%N)
  "$@" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ]; then peak=$hwm; fi
    if [ -n "${finished_in:-}" ] && grep -q 'rows/s$' "$finished_in" 2>/dev/null; then
      ticks_since_result=$((ticks_since_result + 1))
      if [ "$ticks_since_result" -ge 600 ]; then
        echo "The reference printed its result but did not exit within a minute of it (a deadlock in HSQLDB closing the database); it was stopped and its figures stand." >&2
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" || true
        break
      fi
    fi
    sleep 0.1
  done
  wait "$pid" 2>/dev/null || status=$?
  if [ "$ticks_since_result" -ge 600 ]; then status=0; fi
  end=$(date +%s.%N)
  seconds=$(calc "$end - $start")
  peak_mib=$((peak / 1024))
  return "$status"
}

# From the JVM's GC log: the largest heap in use before a collection (what the collector let the
# heap fill to), and the heap left after collections, averaged over the first and the last quarter
# of the run: memory that grew with the input would show as a last quarter above the first.
peak_heap() {
  grep -oE '[0-9]+M->[0-9]+M' "$1" | cut -d'M' -f1 | sort -n | tail -1
}
# A full collection leaves only what is live, so where there were any their results are the measure
# of what a run holds; young collections leave old garbage waiting for the next full one.
heap_after_gc() {
  local full
  full=$(grep 'Pause Full' "$1" | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | paste -sd' ' || true)
  if [ -n "$full" ]; then
    echo "$full" | awk '{ max = 0; for (i = 1; i <= NF; i++) if ($i > max) max = $i
      printf "live after its %d full collections: first %s MiB, last %s MiB, at most %s MiB", NF, $1, $NF, max }'
    return
  fi
  grep -oE '[0-9]+M->[0-9]+M' "$1" | sed -E 's/.*->([0-9]+)M/\1/' | awk '
    { after[NR] = $1 }
    END {
      quarter = int(NR / 4); if (quarter < 1) quarter = 1
      for (i = 1; i <= quarter; i++) { first += after[i]; last += after[NR - quarter + i] }
      printf "left after GC: first quarter %.0f MiB, last quarter %.0f MiB", first / quarter, last / quarter
    }'
}

calc() { awk "BEGIN { print $1 }"; }
rate() { calc "$1 / $2" | xargs printf '%.0f'; }

java -jar "$jar" generate --messages "$n" --ids "$ids" --out "$work/in" >/dev/null

measure ./run.sh import "$work/in/quarantine-export.csv" --db "$db" --tenant jobs/tenant.yml >"$work/import1.txt"
import_seconds=$seconds
measure ./run.sh import "$work/in/email-events.csv" --db "$db" --tenant jobs/tenant.yml >"$work/import2.txt"
import_seconds=$(calc "$import_seconds + $seconds")

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }

cp -r "$work/db" "$work/imported"
hsqldb_jar="$work/hsqldb.jar"
(cd "$work" && jar xf "$jar" "$(jar tf "$jar" | grep -m1 'BOOT-INF/lib/hsqldb-')" && mv BOOT-INF/lib/hsqldb-*.jar "$hsqldb_jar")

release_seconds=() release_rss=() release_heap=() reference_rates=() reference_seed_seconds=() reference_rss=()
release_exit=0
for run in $(seq 1 "$runs"); do
  rm -rf "$work/db" && cp -r "$work/imported" "$work/db"
  # The reference refuses Malware as it would for an operator who is not a security administrator,
  # so the release runs as the SecurityOperator of the sample tenant, with its scope checked on
  # every row.
  set +e
  measure env JAVA_OPTS="-Xmx256m -Xlog:gc:file=$work/gc.log" ./run.sh release "$work/in/hunting-export.csv" \
    --operator analyst@contoso.com --db "$db" --tenant jobs/tenant.yml --summary-json "$work/summary.json" \
    >"$work/release.txt"
  exit_code=$?
  set -e
  if [ "$exit_code" -ne 0 ]; then release_exit=$exit_code; fi
  release_seconds+=("$seconds") release_rss+=("$peak_mib") release_heap+=("$(peak_heap "$work/gc.log")")
  after_gc=$(heap_after_gc "$work/gc.log")

  run_line="run $run of $runs                release $(printf '%.1f' "${release_seconds[-1]}") s ($(rate "$n" "${release_seconds[-1]}") rows/s, exit $exit_code)"
  if [ -z "$reference" ]; then
    echo "$run_line"
    continue
  fi
  rm -rf "$work/reference"
  finished_in="$work/reference.txt" measure java -cp "$hsqldb_jar" "$reference" "$work/reference" "$n" >"$work/reference.txt"
  reference_line=$(cat "$work/reference.txt")
  reference_seed_seconds+=("$(echo "$reference_line" | sed -E 's/^seed [0-9]+ rows in ([0-9.]+)s.*/\1/')")
  reference_rates+=("$(echo "$reference_line" | sed -E 's/.*= ([0-9]+) rows\/s$/\1/')")
  reference_rss+=("$peak_mib")
  echo "$run_line, reference ${reference_rates[-1]} rows/s"
done

release_rate=$(rate "$n" "$(median "${release_seconds[@]}")")
import_rate=$(rate "$n" "$import_seconds")

echo "rows                      $n, message ids $ids, median of $runs runs"
echo "import                    $(printf '%.1f' "$import_seconds") s, $import_rate rows/s"
echo "release (whole command)   $(printf '%.1f' "$(median "${release_seconds[@]}")") s, $release_rate rows/s, exit $release_exit"
echo "release peak RSS          $(max "${release_rss[@]}") MiB (with the memory-mapped data file)"
echo "release heap              limit 256 MiB, peak in use $(max "${release_heap[@]}") MiB; in the last run, ${after_gc}"
if [ -n "$reference" ]; then
  reference_release_rate=$(median "${reference_rates[@]}")
  reference_seed_rate=$(rate "$n" "$(median "${reference_seed_seconds[@]}")")
  echo "reference                 seeding $reference_seed_rate rows/s, release $reference_release_rate rows/s"
  echo "reference peak RSS        $(max "${reference_rss[@]}") MiB"
  echo "ratio release             $(calc "$release_rate / $reference_release_rate" | xargs printf '%.2f') (qrelease / reference)"
  echo "ratio import              $(calc "$import_rate / $reference_seed_rate" | xargs printf '%.2f') (qrelease / reference seeding)"
else
  echo "reference                 skipped: RawJdbcRelease.java is not here (set QRELEASE_REFERENCE to compare)"
fi
grep -E '^  (entities|rows) ' "$work/release.txt" | sed 's/^  /release /'
exit "$release_exit"
