#!/usr/bin/env bash
# npm run test:busy [-- runs]: the README's test command, run several times in a row (3 unless given) while two
# CPU-bound processes run beside it, as on a slow, busy laptop. Prints each run's result and exits non-zero if any
# failed. Nothing in the suite may depend on which of two limits fires first or on a request's speed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
burners=()
for _ in 1 2; do
  node -e 'for (;;) {}' &
  burners+=($!)
done
trap 'kill "${burners[@]}" 2>/dev/null' EXIT
failed=0
for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  if npm test > "/tmp/test-busy-$run.log" 2>&1; then result=passed; else result=FAILED; failed=$((failed + 1)); fi
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "/tmp/test-busy-$run.log" | grep -E '^\s+Tests ' | tr -s ' ')
  echo "run $run of $runs, beside 2 CPU-bound processes: $result in $(( $(date +%s) - started )) s —$summary (log: /tmp/test-busy-$run.log)"
done
exit $((failed > 0))
