#!/usr/bin/env bash
# demo.sh - the README's demo command: set up, build, and run axonc on the
# bundled example models, printing a short summary for each.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
BUILD="$(bash "$ROOT/scripts/build.sh" | tail -n 1)"
AXONC="$BUILD/bin/axonc"
echo
echo "== axonc $("$AXONC" --version | head -n 1 | cut -d' ' -f3)"
for model in "$ROOT"/examples/networks/*.mlir; do
  echo
  echo "== report: examples/networks/$(basename "$model")"
  "$AXONC" report "$model"
done
