#!/usr/bin/env bash
# The SSR-hang proof: runs the panel's HTTP test binaries ROUNDS times (default 50), each with
# its tests in parallel (the default thread count), each run under a time limit; counts the runs
# that hang (hit the limit) or fail. A hang here is a response that never completes.
#   scripts/stress-tests.sh [ROUNDS] [LIMIT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-50}
limit=${2:-300}
export RUSTFLAGS="--cfg erase_components"

mapfile -t bins < <(cargo test -p server --features app/ssr --tests --no-run --message-format=json 2>/dev/null |
  python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["kind"] == ["test"] and m["target"]["name"] != "server":
        print(m["executable"])')
[ ${#bins[@]} -gt 0 ] || { echo "stress-tests: no test binaries built"; exit 1; }
echo "stress-tests: ${#bins[@]} binaries x $rounds rounds, ${limit}s each"

logs=target/stress-tests
rm -rf "$logs"
mkdir -p "$logs"
hangs=0 failures=0 runs=0
started=$(date +%s)
for round in $(seq 1 "$rounds"); do
  for bin in "${bins[@]}"; do
    name=$(basename "$bin")
    runs=$((runs + 1))
    code=0
    timeout "$limit" "$bin" --quiet > "$logs/$name-$round.log" 2>&1 || code=$?
    if [ "$code" = 124 ]; then
      hangs=$((hangs + 1))
      echo "round $round: $name hung (log in $logs)"
    elif [ "$code" != 0 ]; then
      failures=$((failures + 1))
      echo "round $round: $name failed with $code (log in $logs)"
    else
      rm -f "$logs/$name-$round.log"
    fi
  done
  printf 'round %d/%d: %d hangs, %d failures so far (%d s)\n' "$round" "$rounds" "$hangs" "$failures" $(($(date +%s) - started))
done
echo "stress-tests: $runs runs, $hangs hangs, $failures failures in $(($(date +%s) - started)) s"
[ "$hangs" = 0 ] && [ "$failures" = 0 ]
