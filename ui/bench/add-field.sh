#!/usr/bin/env bash
# Adding an indexed field to an object of 1,000,000 records while a user saves records, as users
# see it: relata.jar as the README starts it; one client by wrk in its own process POSTs creates
# without a pause throughout each phase, and the slowest of its saves is what a user waits. Phases:
# quiet (no change: the baseline); Relata's change (PUT of the object with an indexed text field
# added, then until its index is built after the change, concurrently); and the same DDL by hand in
# one transaction by psql (ALTER TABLE ADD COLUMN and CREATE INDEX, as the change did before:
# writers wait for the whole build). Goal: no save waits more than 200 ms during Relata's change.
# Needs wrk and psql (Debian: wrk, postgresql-15). Usage, from the repository root:
#   ui/bench/add-field.sh [records, default 1000000] [seconds per phase, default 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
records="${1:-1000000}"
seconds="${2:-30}"
settings=users
. ui/bench/relata.sh
out=ui/target/bench/add-field.txt
object='{"label":"Bench","nameField":"name","fields":[
  {"name":"name","label":"Name","type":"text","required":true},
  {"name":"notes","label":"Notes","type":"long-text"}FIELD]}'
put_object() { # extra field JSON
  curl -sf -o /dev/null -X PUT "$api/metadata/objects/bench_grow?confirm=true" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "${object/FIELD/$1}"
}
put_object ""
admin=$($db -At -c "SELECT id FROM relata.app_user WHERE username = 'admin'")
load_start=$(date +%s%N)
$db -c "INSERT INTO records.bench_grow (id, owner_id, created_at, created_by, updated_at,
  updated_by, name, notes) SELECT lpad(to_hex(n), 32, '0')::uuid, '$admin', now(), '$admin', now(),
  '$admin', 'Record ' || n, 'Some notes on record ' || n FROM generate_series(1, $records) n" \
  -c "VACUUM ANALYZE records.bench_grow"
load_seconds=$((($(date +%s%N) - load_start) / 1000000000))
# one writer: wrk with one connection, each save answered before the next is sent
cat > "$work/save.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"name": "Saved during the change", "notes": "while it ran"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency, requests)
  io.write(string.format("SAVES %d FAILED %d P50 %.1f P99 %.1f MAX %.1f\\n", summary.requests,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
LUA
saves() { wrk -t1 -c1 -d"${1}s" -s "$work/save.lua" "$api/records/bench_grow" | grep SAVES; }
index_valid() { # index name
  [ "$($db -At -c "SELECT count(*) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE i.relname = '$1' AND x.indisvalid")" = 1 ]
}
# warm-up in slices of 15 s until the server's JIT has done its work
phase=$seconds; seconds=15
warm_up saves 15
seconds=$phase
# the change starts 5 s into a phase, and the phase lasts until the work is done and 5 s more
during() { # label, command that makes the change and waits until it is done
  local report start took
  saves $((seconds + 60)) >"$work/during.txt" &
  local writer=$!
  sleep 5
  start=$(date +%s%N)
  "$2"
  took=$((($(date +%s%N) - start) / 1000000))
  wait $writer
  report=$(cat "$work/during.txt")
  printf '%-44s %s  (change and build: %d ms)\n' "$1" "$report" "$took"
}
relata_change() {
  put_object ',{"name":"region","label":"Region","type":"text","indexed":true}'
  until index_valid bench_grow_region_idx; do sleep 0.1; done
}
raw_change() {
  $db -c "BEGIN" -c "ALTER TABLE records.bench_grow ADD COLUMN region_raw varchar(255)" \
    -c "CREATE INDEX bench_grow_region_raw_idx ON records.bench_grow (region_raw)" -c "COMMIT"
}
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "relata.jar as the README starts it, on $settings; $warmed"
  echo "$records records loaded in $load_seconds s; one writer POSTing creates without a pause"
  echo "per phase: saves, non-2xx answers, latency p50 / p99 / max in ms"
  printf '%-44s %s\n' "quiet, no change (baseline)" "$(saves $((seconds + 60)))"
  during "Relata: PUT object + indexed field, built" relata_change
  during "by hand: ALTER + CREATE INDEX, one tx" raw_change
} | tee "$out"
