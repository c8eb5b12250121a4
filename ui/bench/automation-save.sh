#!/usr/bin/env bash
# Saves that fire automations, as users send them: relata.jar as the README starts it, POST
# /api/v1/records/{object} with 4 clients by wrk in its own process, on three objects of the same
# fields: one without automations (the baseline), one whose creates fire 3 automations (a
# before-save formula, a before-save owner chosen by assignment rules, an after-save set, which is
# a write of its own through the whole pipeline), and one whose 3 automations all run before the
# save. Alternated, three rounds; creates per second and the time of a save as a ratio of the
# baseline's (the issue's goal: at most 1.5x). Needs wrk and pgbench (Debian: wrk, postgresql-15).
# Usage, from the repository root:
#   ui/bench/automation-save.sh [seconds per round, default 20] [users|test, default users]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
settings="${2:-users}"
. ui/bench/relata.sh
out=ui/target/bench/automation-save-${2:-users}.txt
put() {
  local answer
  answer=$(curl -s -o "$work/answer" -w '%{http_code}' -X PUT "$api/metadata/$1" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2")
  [ "$answer" = 200 ] || [ "$answer" = 201 ] || { echo "PUT $1 answered $answer"; cat "$work/answer"; exit 1; }
}
fields='"nameField":"name","fields":[{"name":"name","label":"Name","type":"text"},
  {"name":"users","label":"Users","type":"number"},{"name":"score","label":"Score","type":"number"},
  {"name":"checked","label":"Checked","type":"boolean"}]'
for object in bench_plain bench_automated bench_early; do
  put "objects/$object" "{\"label\":\"$object\",$fields}"
done
put assignment-rules/bench_route '{"label":"Route","object":"bench_automated","rules":[
  {"condition":"users > 50","assignTo":{"user":"admin"}}],"fallback":{"user":"admin"}}'
before='"trigger":{"type":"record","timing":"before","on":["create"]}'
after='"trigger":{"type":"record","timing":"after","on":["create"]}'
put automations/bench_score "{\"label\":\"Score\",\"object\":\"bench_automated\",$before,
  \"condition\":\"users > 10\",\"actions\":[{\"type\":\"set\",\"formulas\":{\"score\":\"users * 2\"}}]}"
put automations/bench_assign "{\"label\":\"Assign\",\"object\":\"bench_automated\",$before,
  \"actions\":[{\"type\":\"assign\",\"rules\":\"bench_route\"}]}"
put automations/bench_check "{\"label\":\"Check\",\"object\":\"bench_automated\",$after,
  \"actions\":[{\"type\":\"set\",\"values\":{\"checked\":true}}]}"
put automations/bench_early_score "{\"label\":\"Score\",\"object\":\"bench_early\",$before,
  \"condition\":\"users > 10\",\"actions\":[{\"type\":\"set\",\"formulas\":{\"score\":\"users * 2\"}}]}"
put automations/bench_early_assign "{\"label\":\"Assign\",\"object\":\"bench_early\",$before,
  \"actions\":[{\"type\":\"assign\",\"to\":{\"user\":\"admin\"}}]}"
put automations/bench_early_check "{\"label\":\"Check\",\"object\":\"bench_early\",$before,
  \"actions\":[{\"type\":\"set\",\"values\":{\"checked\":true}}]}"
body='{"name": "Saved over HTTP", "users": 100}'
for object in bench_plain bench_automated bench_early; do
  created=$(curl -s -X POST "$api/records/$object" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$body")
  echo "$created" | grep -q '"id"' || { echo "$object: not created: $created"; exit 1; }
  if [ "$object" != bench_plain ]; then
    echo "$created" | grep -q '"score":2' || { echo "$object: no score: $created"; exit 1; }
  fi
done
relata() { post_rate "$api/records/$1" "$body"; }
warm_all() { relata bench_plain; relata bench_automated; relata bench_early; }
round_seconds=$seconds; seconds=10
warm_up warm_all
seconds=$round_seconds
checked=$($db -At -c "SELECT count(*) FILTER (WHERE checked) || '/' || count(*) FROM records.bench_automated")
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "relata.jar as the README starts it, on $settings; $warmed"
  echo "4 clients each, ${seconds} s per round, alternated; creates per second; time per save as a ratio of the plain object's"
  for round in 1 2 3; do
    p=$(relata bench_plain); a=$(relata bench_automated); e=$(relata bench_early)
    printf 'round %d  no automation %s/s  3 automations (1 after-save) %s/s = %sx  3 before-save %s/s = %sx\n' \
      "$round" "$p" "$a" "$(awk -v p="$p" -v a="$a" 'BEGIN {printf "%.2f", p / a}')" \
      "$e" "$(awk -v p="$p" -v e="$e" 'BEGIN {printf "%.2f", p / e}')"
  done
  echo "after-save set ran on $checked of the automated object's records after the warm-up"
} | tee "$out"
