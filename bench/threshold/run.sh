#!/usr/bin/env bash
# Threshold-logic netlist vs the conventional CMOS XNOR-popcount baseline
# (yosys + ABC) on the example BNNs: prints a markdown table.
#   bash bench/threshold/run.sh [BUILD_DIR]     (default: build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
BENCH="$BUILD/bin/axon-threshold-bench"
[ -x "$BENCH" ] || { echo "build $BENCH first (ninja axon-threshold-bench)" >&2; exit 1; }

echo "| model | topology | TLG cells (K=4) | TLG depth | TLG cells by fan-in | TLG area (GE) | CMOS cells | CMOS depth | CMOS area (~GE) | CMOS/TLG cells | acc. TLG | acc. CMOS | acc. reference |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
run() {
  "$BENCH" "$ROOT/$1" --dataset "$ROOT/$2" --synth --markdown 2>/dev/null
}
run examples/bnn/breast_cancer_bnn.onnx examples/bnn/breast_cancer_test_binary.csv
run examples/bnn/seeds_bnn.onnx examples/bnn/seeds_test_binary.csv
run examples/digits/bnn_mlp.onnx examples/digits/test_binary.csv
