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

echo
echo "== report: examples/digits/mlp.onnx (ONNX import)"
"$AXONC" report "$ROOT/examples/digits/mlp.onnx"
echo
echo "== simulate: digits MLP on its test set (reference simulator; trained: 0.9815)"
"$AXONC" simulate "$ROOT/examples/digits/mlp.onnx" \
  --dataset "$ROOT/examples/digits/test.csv"
SHARED="$ROOT/../shared/fixtures/nir/lif"
if [ -d "$SHARED" ]; then
  echo
  echo "== report: ../shared/fixtures/nir/lif/lif_rockpool.nir (NIR import)"
  "$AXONC" report "$SHARED/lif_rockpool.nir"
fi
