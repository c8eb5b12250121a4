#!/usr/bin/env bash
# Import as users send it: relata.jar as the README starts it, a CSV file of N rows posted to
# /api/v1/records/{object}/import with the default parameters by curl in its own process (every row
# read, typed, checked and written through the write pipeline with its own audit entry), against
# COPY of the same file by psql into a table of the same columns and indexes on the same database.
# Warm-ups of a tenth of the rows, Relata's repeated until its JIT has done its work and COPY's as
# often, then three rounds, alternated, each side starting on a CHECKPOINT; both tables grow alike.
# Needs pgbench and psql (Debian: postgresql-15) and wrk (for ui/bench/relata.sh). Usage, from the
# repository root:
#   ui/bench/import.sh [rows, default 1000000] [users|test, default users]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
settings="${2:-users}"
. ui/bench/relata.sh
out=ui/target/bench/import-${2:-users}.txt
curl -sf -X PUT "$api/metadata/objects/bench_load" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"label":"Bench","nameField":"name","fields":[
    {"name":"name","label":"Name","type":"text","maxLength":100,"required":true},
    {"name":"status","label":"Status","type":"picklist","indexed":true,"values":[
      {"name":"s0","label":"0"},{"name":"s1","label":"1"},{"name":"s2","label":"2"},
      {"name":"s3","label":"3"},{"name":"s4","label":"4"},{"name":"s5","label":"5"},
      {"name":"s6","label":"6"},{"name":"s7","label":"7"},{"name":"s8","label":"8"},
      {"name":"s9","label":"9"}]},
    {"name":"amount","label":"Amount","type":"number","precision":12,"scale":2,"indexed":true,
     "min":0}]}' >/dev/null
admin=$($db -At -c "SELECT id FROM relata.app_user WHERE username = 'admin'")
# ids in ascending order, as Relata's UUID version 7 are: random ones would make the baseline's
# primary key slower than Relata's and flatter the ratio
$db -c "CREATE TABLE records.bench_load_raw (LIKE records.bench_load INCLUDING ALL)" \
  -c "CREATE SEQUENCE records.bench_load_raw_id" \
  -c "ALTER TABLE records.bench_load_raw ALTER COLUMN id
        SET DEFAULT lpad(to_hex(nextval('records.bench_load_raw_id')), 32, '0')::uuid,
        ALTER COLUMN owner_id SET DEFAULT '$admin', ALTER COLUMN created_by SET DEFAULT '$admin',
        ALTER COLUMN updated_by SET DEFAULT '$admin', ALTER COLUMN created_at SET DEFAULT now(),
        ALTER COLUMN updated_at SET DEFAULT now()"
file() { # rows, path
  awk -v n="$1" 'BEGIN { print "name,status,amount";
    for (i = 0; i < n; i++) printf "Item %d,s%d,%.2f\n", i, i % 10, (i * 7919 % 100000) / 100 }' >"$2"
}
file "$rows" "$work/rows.csv"
file $((rows / 10)) "$work/warm.csv"
now() { date +%s.%N; }
copy() { # file: seconds
  local start; start=$(now)
  $db -c "\\copy records.bench_load_raw (name, status, amount) FROM '$1' WITH (FORMAT csv, HEADER true)"
  awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'
}
relata() { # file, expected rows: seconds
  local start status; start=$(now)
  status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST --data-binary "@$1" \
    -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' "$api/records/bench_load/import${import_query:-}")
  local seconds; seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
  grep -q "\"written\":$2" "$work/answer.json" && [ "$status" = 200 ] ||
    { echo "the import answered $status: $(head -c 500 "$work/answer.json")" >&2; exit 1; }
  # the audit sealer chains the entries after the commit: let it finish before anything is timed
  until [ "$($db -At -c "SELECT count(*) FROM relata.audit_pending")" = 0 ]; do sleep 1; done
  echo "$seconds"
}
checkpoint() { $db -c CHECKPOINT; }
warm_up relata "$work/warm.csv" $((rows / 10))
for run in $(seq "$warm_runs"); do copy "$work/warm.csv" >/dev/null; done
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "relata.jar as the README starts it, on $settings; $warmed"
  echo "$rows CSV rows per round, alternated, each side starting on a CHECKPOINT; the import with its default parameters (all or nothing)"
  for round in 1 2 3; do
    # each side starts on a checkpoint: without it one side's dirty pages are written out, by the
    # checkpoints its WAL triggers, during the other side's time
    checkpoint; c=$(copy "$work/rows.csv")
    checkpoint; r=$(relata "$work/rows.csv" "$rows")
    printf 'round %d  COPY by psql %s s (%s rows/s)  import over HTTP %s s (%s rows/s) = %s%% of COPY\n' \
      "$round" "$c" "$(awk -v n="$rows" -v s="$c" 'BEGIN {printf "%.0f", n / s}')" \
      "$r" "$(awk -v n="$rows" -v s="$r" 'BEGIN {printf "%.0f", n / s}')" \
      "$(awk -v r="$r" -v c="$c" 'BEGIN {printf "%.0f", 100 * c / r}')"
  done
} | tee "$out"
