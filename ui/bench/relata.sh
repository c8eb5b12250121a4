# Sourced by the scripts in ui/bench: starts relata.jar as the README does, in a data folder of its
# own, and sets what the scripts use: $work (a scratch folder, removed on exit), $api, $token
# (admin's), $pgport and $db (psql on the embedded PostgreSQL as its owner), $pgbench.
# Needs wrk and pgbench (Debian: wrk, postgresql-15).
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1)
psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -1)
[ -x "$pgbench" ] && command -v wrk >/dev/null || { echo "needs wrk and pgbench"; exit 2; }
jar=ui/target/relata.jar
[ -f "$jar" ] || ./mvnw -B -q -pl ui -am package -DskipTests
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
password=bench-$RANDOM-$RANDOM
RELATA_DATA_DIR="$work/data" RELATA_PORT="$port" RELATA_ADMIN_PASSWORD="$password" \
  java -jar "$jar" >"$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q "Relata is ready" "$work/server.log"; do
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
pgport=$(grep -o "embedded PostgreSQL on localhost:[0-9]*" "$work/server.log" | grep -o "[0-9]*$")
db="$psql -q -h localhost -p $pgport -U postgres -d postgres"
api="http://localhost:$port/api/v1"
token=$(curl -s -X POST "$api/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
mkdir -p ui/target/bench
