#!/usr/bin/env bash
# Runs the end-to-end suite N times in a row (default 3) while two processes burn a CPU core
# each, to show no test depends on timing (issue 14: waits are on conditions, never on sleeps).
# Usage: bash scripts/e2e-under-load.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
node scripts/e2e-deps.mjs
npx wxt build >/dev/null
burners=()
for _ in 1 2; do
  node -e 'for (;;) {}' &
  burners+=("$!")
done
trap 'kill "${burners[@]}" 2>/dev/null || true' EXIT
for i in $(seq 1 "$runs"); do
  echo "== e2e run $i of $runs, with two CPU burners"
  node --test --test-concurrency=1 --test-reporter=dot tests/e2e/
done
echo "== $runs consecutive green e2e runs under load"
