# Sourced by the scripts in ui/bench: starts relata.jar as the README does, in a data folder of its
# own, and sets what the scripts use: $work (a scratch folder, removed on exit), $api, $token
# (admin's), $pgport, $dbname and $db (psql on Relata's database as its superuser), $pgbench, and
# $settings, a line saying which database settings the run measures, and warm_up (below).
# With settings=test set before sourcing, Relata runs on a PostgreSQL of its own started with the
# settings of test machines (fsync, synchronous_commit and full_page_writes off; the embedded
# database cannot be given them, its command line wins over ALTER SYSTEM), reached through
# RELATA_DB_URL as the README's "external database" with two roles; otherwise on the embedded one.
# Needs wrk and pgbench (Debian: wrk, postgresql-15).
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1)
psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -1)
[ -x "$pgbench" ] && command -v wrk >/dev/null || { echo "needs wrk and pgbench"; exit 2; }
jar=ui/target/relata.jar
[ -f "$jar" ] || ./mvnw -B -q -pl ui -am package -DskipTests
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
password=bench-$RANDOM-$RANDOM
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
stop_database() { :; }
if [ "${settings:-users}" = test ]; then
  [ -x "${pgbin:-}/initdb" ] || { echo "needs PostgreSQL's server (Debian: postgresql-15)"; exit 2; }
  pgport=$((40000 + RANDOM % 20000))
  dbname=relata
  # PostgreSQL refuses to run as root: then it runs as the postgres user Debian's package made
  as_owner=()
  if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres --); fi
  mkdir -p "$work/pg" && chmod 755 "$work" && chmod 700 "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  "${as_owner[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$work/initdb.log"
  "${as_owner[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start -o "-p $pgport \
    -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  stop_database() { "${as_owner[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true; }
  "$psql" -q -h localhost -p "$pgport" -U postgres -d postgres \
    -c "CREATE ROLE relata_owner LOGIN PASSWORD '$password'" \
    -c "CREATE ROLE relata_app LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE relata OWNER relata_owner"
  export RELATA_DB_URL="jdbc:postgresql://localhost:$pgport/relata" RELATA_DB_USER=relata_app \
    RELATA_DB_PASSWORD="$password" RELATA_DB_OWNER_USER=relata_owner \
    RELATA_DB_OWNER_PASSWORD="$password"
  settings="PostgreSQL $("$pgbin/postgres" --version | grep -o '[0-9][0-9.]*' | head -1) of its own on test settings (fsync, synchronous_commit, full_page_writes off), through RELATA_DB_URL"
else
  settings="the embedded PostgreSQL as the README starts it (fsync and synchronous commit on)"
fi
RELATA_DATA_DIR="$work/data" RELATA_PORT="$port" RELATA_ADMIN_PASSWORD="$password" \
  java -jar "$jar" >"$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true; stop_database; rm -rf "$work"' EXIT
until grep -q "Relata is ready" "$work/server.log"; do
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
if [ -z "${dbname:-}" ]; then
  pgport=$(grep -o "embedded PostgreSQL on localhost:[0-9]*" "$work/server.log" | grep -o "[0-9]*$")
  dbname=postgres
fi
db="$psql -q -h localhost -p $pgport -U postgres -d $dbname"
api="http://localhost:$port/api/v1"
token=$(curl -s -X POST "$api/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
mkdir -p ui/target/bench
# warm_up COMMAND...: runs COMMAND (a slice of load) until the server's JIT has done its work: until
# the JVM's compiler threads used under 2 % of a core during a run of it (at least 2 runs, at most
# 40). A fixed warm-up measured a server still compiling: with creates, the compilers used 12-17 % of
# a core in the 15 s after 30 s of load and came to rest after about 75 s; throughput rose 8-15 %.
# Says how long it took; Linux only (/proc).
warm_up() {
  local jvm runs=0 start before after run_start elapsed hz
  jvm=$(pgrep -P "$server" java | head -1 || true)
  [ -n "$jvm" ] || { echo "warm_up: the server's JVM is not running" >&2; exit 1; }
  hz=$(getconf CLK_TCK)
  # CPU of the compiler threads: user and system time, fields 14 and 15 of stat counted after the
  # name in parentheses, which has a space; HotSpot starts and stops compiler threads as it likes
  compiler_ticks() {
    local sum=0 task stat name
    for task in /proc/"$jvm"/task/*; do
      stat=$(cat "$task/stat" 2>/dev/null) || continue
      name=${stat#*(}; name=${name%)*}
      case "$name" in
        "C1 Compiler"*|"C2 Compiler"*)
          set -- ${stat##*) }
          sum=$((sum + ${12} + ${13})) ;;
      esac
    done
    echo "$sum"
  }
  start=$(date +%s%N)
  while :; do
    run_start=$(date +%s%N)
    before=$(compiler_ticks)
    "$@" >/dev/null
    after=$(compiler_ticks)
    runs=$((runs + 1))
    elapsed=$((($(date +%s%N) - run_start) * hz / 1000000000))
    # a thread that ended took its ticks along: then the difference says nothing, and we go on
    if [ "$runs" -ge 2 ] && [ "$after" -ge "$before" ] && [ $((100 * (after - before))) -lt $((2 * elapsed)) ]; then
      break
    fi
    [ "$runs" -ge 40 ] && break
  done
  warm_runs=$runs
  warmed="warm-up: $runs runs, $((($(date +%s%N) - start) / 1000000000)) s, until the JIT compilers used under 2 % of a core"
}

# post_rate URL BODY: POSTs the JSON BODY to URL as admin with 4 clients by wrk for $seconds;
# prints the requests per second, and fails on any answer that is not 2xx.
post_rate() {
  local lua="$work/post.lua" report
  cat > "$lua" <<LUA
wrk.method = "POST"
wrk.body = '$2'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency, requests)
  if summary.errors.status > 0 then io.write(string.format("FAILED %d non-2xx\\n", summary.errors.status)) end
  io.write(string.format("RATE %.1f\\n", summary.requests / (summary.duration / 1e6)))
end
LUA
  report=$(wrk -t4 -c4 -d"${seconds}s" -s "$lua" "$1")
  if echo "$report" | grep -q FAILED; then echo "$report" >&2; exit 1; fi
  echo "$report" | grep RATE | cut -d' ' -f2
}
