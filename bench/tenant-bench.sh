#!/usr/bin/env bash
# Measures what carrying a release out in a Microsoft 365 tenant costs over carrying it out in the
# store alone, side by side on this machine in one run: N quarantined messages (one recipient each)
# imported into a store, then moved to the Inbox with ./run.sh twice, from copies of that store: once
# with a tenant file without a microsoft365 block (the store alone), once against the tenant
# simulator on loopback (no injected faults, no delay), which sends the entities to Graph's remediate
# in batches of 50,000 and verifies them through Advanced Hunting. Each is run RUNS times; it prints
# every run and the ratio tenant / store of the medians.
#
# Usage: bench/tenant-bench.sh [N [RUNS]]   (default 100000 3)
set -euo pipefail

n="${1:-100000}"
runs="${2:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/qrelease-tenant-bench.XXXXXX")"
simulator=""
trap '[ -n "$simulator" ] && kill "$simulator" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

cd "$here"
./run.sh --version >/dev/null # builds the jar when it is stale, outside every timing

# A campaign received yesterday, as Get-QuarantineMessage exports it, and a selection of all of it.
received="$(date -u -d '1 day ago' '+%-m/%-d/%Y %-I:%M:%S %p')"
expires="$(date -u -d '30 days' '+%-m/%-d/%Y %-I:%M:%S %p')"
awk -v n="$n" -v received="$received" -v expires="$expires" 'BEGIN {
  print "Identity,ReceivedTime,SenderAddress,RecipientAddress,Subject,QuarantineTypes,PolicyType,PolicyName,ReleaseStatus,Expires" > "'"$work"'/quarantine.csv"
  print "NetworkMessageId,RecipientEmailAddress" > "'"$work"'/selection.csv"
  for (i = 1; i <= n; i++) {
    message = sprintf("%08x-0000-4000-8000-%012x", i, i)
    printf "%s\\%08x-0000-4000-9000-%012x,%s,billing@partner.example,user%d@contoso.com,Invoice %d,Spam,HostedContentFilterPolicy,Default,NOTRELEASED,%s\n", message, i, i, received, i, i, expires > "'"$work"'/quarantine.csv"
    printf "%s,user%d@contoso.com\n", message, i > "'"$work"'/selection.csv"
  }
}'
cp jobs/tenant.yml "$work/store.yml"
./run.sh import "$work/quarantine.csv" --db "jdbc:hsqldb:file:$work/imported/qrelease" --tenant "$work/store.yml" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Releases the selection from a fresh copy of the imported store; prints the seconds it took.
release() {
  local tenant_file="$1" run="$2"
  rm -rf "$work/run"
  cp -r "$work/imported" "$work/run"
  local start end
  start=$(date +%s.%N)
  ./run.sh release "$work/selection.csv" --operator secops-admin@contoso.com --action move-to-inbox \
    --db "jdbc:hsqldb:file:$work/run/qrelease" --tenant "$tenant_file" > "$work/output-$run.txt" 2>&1 \
    || { echo "The release failed:" >&2; cat "$work/output-$run.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'
}

# A simulator seeded with the campaign, for one run: the remediations of a run change its state.
simulate() {
  local port=$((20000 + RANDOM % 20000))
  rm -rf "$work/tenant"
  ./run.sh simulate-tenant --port "$port" --state "$work/tenant" --quarantine "$work/quarantine.csv" \
    > "$work/simulator.txt" 2>&1 &
  simulator=$!
  until grep -q 'Serving until stopped' "$work/simulator.txt" 2>/dev/null; do
    kill -0 "$simulator" 2>/dev/null || { cat "$work/simulator.txt" >&2; exit 1; }
    sleep 0.2
  done
  { cat jobs/tenant.yml; printf '\nmicrosoft365:\n  tenantId: 6babcaad-604b-40ac-a9d7-9fd97c0b779f\n  clientId: 2f5e1a3c-0d7b-4c55-9a8e-61c2c7e0b0d4\n  clientSecret: ${QRELEASE_CLIENT_SECRET}\n  loginUrl: https://localhost:%s\n  graphUrl: https://localhost:%s/graph\n  exchangeUrl: https://localhost:%s/exchange\n' "$port" "$port" "$port"; } > "$work/tenant.yml"
}

export QRELEASE_CLIENT_SECRET=bench-secret
store_times=()
tenant_times=()
for run in $(seq 1 "$runs"); do
  store_times+=("$(release "$work/store.yml" "store-$run")")
  simulate
  tenant_times+=("$(JAVA_OPTS="${JAVA_OPTS:-} -Djavax.net.ssl.trustStore=$work/tenant/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12" release "$work/tenant.yml" "tenant-$run")")
  kill "$simulator"; wait "$simulator" 2>/dev/null || true; simulator=""
  grep -q "tenant     1 batch" "$work/output-tenant-$run.txt" 2>/dev/null || grep -q "tenant     " "$work/output-tenant-$run.txt" \
    || { echo "The tenant run did not go through the tenant:" >&2; cat "$work/output-tenant-$run.txt" >&2; exit 1; }
  echo "run $run: store alone ${store_times[-1]} s, through the tenant ${tenant_times[-1]} s"
done
store="$(printf '%s\n' "${store_times[@]}" | median)"
tenant="$(printf '%s\n' "${tenant_times[@]}" | median)"
echo "$n entities moved to the Inbox, medians of $runs: store alone $store s, through the tenant simulator $tenant s"
awk -v s="$store" -v t="$tenant" 'BEGIN { printf "tenant / store: %.2f\n", t / s }'
grep -E '^  (entities|tenant) ' "$work/output-tenant-$runs.txt"
