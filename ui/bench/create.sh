#!/usr/bin/env bash
# Record creates as users send them: relata.jar as the README starts it, POST
# /api/v1/records/{object} with 4 clients by wrk in its own process, against single-row INSERTs of
# the same columns with 4 clients by pgbench on the same database; alternated, three rounds;
# throughput and its ratio. Each created record goes through the whole write pipeline, its audit
# entry included. On the database settings users run (the embedded PostgreSQL, fsync and
# synchronous commit on), or with "test" on a PostgreSQL started with test machines' settings.
# Needs wrk and pgbench (Debian: wrk, postgresql-15). Usage, from the repository root:
#   ui/bench/create.sh [seconds per round, default 20] [users|test, default users]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
settings="${2:-users}"
. ui/bench/relata.sh
out=ui/target/bench/create-${2:-users}.txt
curl -sf -X PUT "$api/metadata/objects/bench_create" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"label":"Bench","nameField":"name","fields":[
    {"name":"name","label":"Name","type":"text"},
    {"name":"status","label":"Status","type":"picklist","indexed":true,
     "values":[{"name":"s1","label":"S1"},{"name":"s2","label":"S2"}]},
    {"name":"amount","label":"Amount","type":"currency","currency":"EUR","indexed":true}]}' >/dev/null
body='{"name": "Created over HTTP", "status": "s1", "amount": 1}'
created=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$api/records/bench_create" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")
[ "$created" = 201 ] || { echo "a create answered $created"; exit 1; }
admin=$($db -At -c "SELECT id FROM relata.app_user WHERE username = 'admin'")
echo "INSERT INTO records.bench_create (id, owner_id, created_at, created_by, updated_at, updated_by,
  version, name, status, amount) VALUES (gen_random_uuid(), '$admin', now(), '$admin', now(),
  '$admin', 1, 'Inserted by pgbench', 's1', 1);" > "$work/insert.sql"
relata() { post_rate "$api/records/bench_create" "$body"; }
sql() {
  (cd "$work" && "$pgbench" -n -h localhost -p "$pgport" -U postgres -c 4 -j 2 -T "$seconds" \
      -f insert.sql "$dbname" 2>/dev/null) | grep -o "tps = [0-9.]*" | head -1 | cut -d' ' -f3
}
# warm-ups in slices of 15 s whatever the rounds' length: Relata's until its JIT has done its work
round_seconds=$seconds; seconds=15
warm_up relata; sql >/dev/null
seconds=$round_seconds
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "relata.jar as the README starts it, on $settings; $warmed"
  echo "4 clients each, ${seconds} s per round, alternated; records per second"
  for round in 1 2 3; do
    s=$(sql); r=$(relata)
    printf 'round %d  INSERT by pgbench %s/s  POST by wrk %s/s  = %s%% of INSERT\n' "$round" "$s" "$r" \
      "$(awk -v r="$r" -v s="$s" 'BEGIN {printf "%.0f", 100 * r / s}')"
  done
} | tee "$out"
