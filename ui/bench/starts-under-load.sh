#!/usr/bin/env bash
# Starts relata.jar N times (default 50) while two busy loops keep both cores busy, as a server that
# shares its machine starts. Each start must report ready; a failed one prints its log and stops the
# run. Usage, from the repository root:  ui/bench/starts-under-load.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-50}"
jar=ui/target/relata.jar
[ -f "$jar" ] || ./mvnw -B -q -pl ui -am package -DskipTests
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
loops=()
cleanup() {
  for pid in "${loops[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
for _ in 1 2; do ( while :; do :; done ) & loops+=($!); done

ok=0
for run in $(seq 1 "$runs"); do
  log="$work/start-$run.log"
  : >"$log"
  started=$(date +%s%3N)
  RELATA_DATA_DIR="$work/data" RELATA_PORT="$port" RELATA_ADMIN_PASSWORD=starts-under-load \
    java -jar "$jar" >"$log" 2>&1 &
  launcher=$!
  outcome=waiting
  while [ "$outcome" = waiting ]; do
    if grep -q "Relata is ready" "$log"; then outcome=ready
    elif ! kill -0 "$launcher" 2>/dev/null; then outcome=failed
    else sleep 0.5
    fi
  done
  millis=$(( $(date +%s%3N) - started ))
  seconds="$((millis / 1000)).$(( (millis % 1000) / 100 ))"
  kill -TERM "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  if [ "$outcome" != ready ]; then
    echo "start $run of $runs FAILED after ${seconds} s:"
    grep -E "cannot start|SEVERE|Caused by" "$log" | head -20
    echo "$ok of $run starts were ready"
    exit 1
  fi
  ok=$((ok + 1))
  echo "start $run of $runs ready in $seconds s"
done
echo "$ok of $runs starts were ready under load"
