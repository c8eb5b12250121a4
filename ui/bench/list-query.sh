#!/usr/bin/env bash
# A list as users send it, measured as they meet it: relata.jar started as the README starts it
# (embedded PostgreSQL, fsync and synchronous commit on), 1,000,000 records, the first page of a
# filter on an indexed picklist (~10%) sorted by an indexed currency, default parameters (50 rows,
# with the total), by wrk in its own process after a warm-up; and the same page in SQL by pgbench
# on the same database. Alternated, three rounds; p50 and p95 and their ratios.
# Needs wrk and pgbench (Debian: wrk, postgresql-15). Usage, from the repository root:
#   ui/bench/list-query.sh [seconds per round, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
. ui/bench/relata.sh
out=ui/target/bench/list-query.txt
values=$(for i in $(seq 0 9); do printf '{"name":"s%d","label":"S%d"},' "$i" "$i"; done)
curl -sf -X PUT "$api/metadata/objects/bench_list" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"label\":\"Bench\",\"nameField\":\"name\",\"fields\":[
    {\"name\":\"name\",\"label\":\"Name\",\"type\":\"text\"},
    {\"name\":\"status\",\"label\":\"Status\",\"type\":\"picklist\",\"indexed\":true,\"values\":[${values%,}]},
    {\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"currency\",\"currency\":\"EUR\",\"indexed\":true}]}" >/dev/null
$db -c "INSERT INTO records.bench_list (id, owner_id, created_at, created_by, updated_at, updated_by,
          version, name, status, amount)
        SELECT gen_random_uuid(), u.id, now(), u.id, now(), u.id, 1, 'Record ' || g,
               's' || (g % 10), round((random() * 100000)::numeric, 2)
        FROM generate_series(1, 1000000) g, relata.app_user u WHERE u.username = 'admin'"
$db -c "VACUUM ANALYZE records.bench_list"
# the page as Relata asks for it (its columns, its order, one row more to know there is a next)
columns=$($db -At -c "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
  WHERE attrelid = 'records.bench_list'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> '_search'")
echo "SELECT $columns FROM records.bench_list WHERE deleted_at IS NULL AND status = 's3'
  ORDER BY amount DESC, id DESC LIMIT 51;" > "$work/page.sql"
url="$api/records/bench_list?filter=status%20%3D%20%22s3%22&sort=-amount"
# the page is what a user gets: 200, 50 records of status s3, a total (the planner's, flagged)
page=$(curl -s -w ' %{http_code}' -H "Authorization: Bearer $token" "$url")
case "$page" in *' 200') ;; *) echo "the page failed: $page" | head -c 600; exit 1 ;; esac
[ "$(echo "$page" | grep -o '"status":"s3"' | wc -l)" = 50 ] || { echo "not 50 records of s3"; exit 1; }
echo "$page" | grep -q '"total":{"count":[0-9]*,"exact":' || { echo "no total"; exit 1; }
echo "first page: $(echo "$page" | grep -o '"total":{[^}]*}')"
cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  if summary.errors.status > 0 or summary.errors.connect > 0 or summary.errors.timeout > 0 then
    io.write(string.format("FAILED %d non-2xx answers\n", summary.errors.status))
  end
  io.write(string.format("PERCENTILES %.3f %.3f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests))
end
LUA
relata() { # url suffix -> "p50 p95 requests" in ms; every answer must be a 2xx
  report=$(wrk -t1 -c1 -d"${seconds}s" -s "$work/report.lua" -H "Authorization: Bearer $token" "$url$1")
  if echo "$report" | grep -q FAILED; then echo "$report" >&2; exit 1; fi
  echo "$report" | grep PERCENTILES | cut -d' ' -f2-
}
sql() {
  rm -f "$work"/pgbench_log.*
  (cd "$work" && PGPASSWORD=postgres "$pgbench" -n -h localhost -p "$pgport" -U postgres -c 1 -T "$seconds" \
      -f page.sql -l "$dbname" >/dev/null 2>&1)
  cat "$work"/pgbench_log.* | awk '{print $3/1000}' | sort -n \
    | awk '{a[NR]=$1} END {printf "%.3f %.3f %d\n", a[int(NR*0.5)], a[int(NR*0.95)], NR}'
}
# a warm-up of 30 s a side whatever the rounds' length: tens of thousands of requests for the JIT
round_seconds=$seconds; seconds=30
relata "" >/dev/null; relata "&total=false" >/dev/null; sql >/dev/null
seconds=$round_seconds
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "relata.jar as the README starts it (embedded PostgreSQL, fsync on), 1,000,000 records,"
  echo "filter status = s3 (10%, indexed), sort -amount (indexed), first page of 50; one client each,"
  echo "${seconds} s per round, alternated; ms"
  for round in 1 2 3; do
    s=$(sql); t=$(relata ""); n=$(relata "&total=false")
    read -r sp50 sp95 sn <<<"$s"; read -r tp50 tp95 tn <<<"$t"; read -r np50 np95 nn <<<"$n"
    printf 'round %d  SQL p50 %s p95 %s (%s)  Relata with total p50 %s p95 %s (%s) = p95 %.1fx  without total p50 %s p95 %s (%s) = p95 %.1fx\n' \
      "$round" "$sp50" "$sp95" "$sn" "$tp50" "$tp95" "$tn" "$(echo "$tp95 / $sp95" | awk '{print $1/$3}')" \
      "$np50" "$np95" "$nn" "$(echo "$np95 / $sp95" | awk '{print $1/$3}')"
  done
} | tee "$out"
