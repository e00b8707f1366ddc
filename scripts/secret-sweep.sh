#!/usr/bin/env bash
# After the end-to-end run: no secret the journeys used may appear in the panel's log of the whole
# run (the log given as $1), and no journey may have seen one in a response (the fixture in
# end2end/tests/fixtures.ts writes its hits to end2end/test-results/secret-hits.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$1
# The same values as end2end/tests/fixtures.ts and helpers.ts.
secrets=$(sed -n 's/^export const \(CANARY_TOKEN\|CANARY_SECRET\) = "\(.*\)";$/\2/p' end2end/tests/fixtures.ts)
secrets+=$'\n'$(sed -n 's/^export const DEMO_API_TOKEN = "\(.*\)";$/\1/p' end2end/tests/helpers.ts)
[ "$(echo "$secrets" | grep -c .)" = 3 ] || { echo "secret-sweep: could not read the three secrets"; exit 1; }
# API tokens the journeys made (account.spec.ts): never in the log either.
if [ -s end2end/test-results/made-tokens.txt ]; then
  secrets+=$'\n'$(cat end2end/test-results/made-tokens.txt)
fi
[ -s "$log" ] || { echo "secret-sweep: no log at $log"; exit 1; }
status=0
if grep -F -n -f <(echo "$secrets") "$log" | cut -c1-200; then
  echo "secret-sweep: a secret is in the panel's log ($log)"
  status=1
fi
if [ -s end2end/test-results/secret-hits.txt ]; then
  cat end2end/test-results/secret-hits.txt
  echo "secret-sweep: a secret came back in a response"
  status=1
fi
[ $status = 0 ] && echo "secret-sweep: no secret in $(wc -l < "$log") log lines or any response"
exit $status
