#!/usr/bin/env bash
# demo.sh - the README's demo command: set up, build, and compile the bundled
# example models for every target, printing a short summary for each.
#
#   scripts/demo.sh            outputs go to out/demo/ (ignored by git)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
BUILD="$(bash "$ROOT/scripts/build.sh" | tail -n 1)"
AXONC="$BUILD/bin/axonc"
OUT="$ROOT/out/demo"
SHARED="$ROOT/../shared"
rm -rf "$OUT"
mkdir -p "$OUT"
if [ ! -d "$SHARED" ]; then
  echo "demo.sh: $SHARED not found (the shared datasets and cell library" \
    "live beside the repository)" >&2
  exit 1
fi
section() { echo; echo "== $*"; }
# compile NAME ARGS...: runs axonc compile into $OUT/NAME, keeps its printed
# summary in $OUT/NAME.log and shows the first lines (remarks filtered out).
compile() {
  local name="$1"; shift
  "$AXONC" compile "$@" -o "$OUT/$name" --quiet >"$OUT/$name.log" \
    2> >(grep -v ": remark: " >&2)
  head -n "${DEMO_LINES:-4}" "$OUT/$name.log"
}

echo
echo "== axonc $("$AXONC" --version | head -n 1 | cut -d' ' -f3)"
section "report: examples/networks/recurrent_cuba_lif.mlir"
"$AXONC" report "$ROOT/examples/networks/recurrent_cuba_lif.mlir"
section "report: ../shared/fixtures/nir/lif/lif_rockpool.nir (NIR import)"
"$AXONC" report "$SHARED/fixtures/nir/lif/lif_rockpool.nir" 2>/dev/null

section "reference simulator + ANN->SNN conversion (digits, first 180 test rows)"
bash "$ROOT/scripts/conversion-table.sh" --quick

section "SpiNNaker: recurrent CUBA-LIF example -> spinnaker1"
compile spinnaker-recurrent "$ROOT/examples/networks/recurrent_cuba_lif.mlir" \
  --target spinnaker1
section "SpiNNaker: digits MLP (ONNX, converted to IF neurons) -> spinnaker1, spinnaker2"
compile spinnaker1-digits "$ROOT/examples/digits/mlp.onnx" --target spinnaker1 \
  --dataset "$ROOT/examples/digits/train.csv"
compile spinnaker2-digits "$ROOT/examples/digits/mlp.onnx" --target spinnaker2 \
  --dataset "$ROOT/examples/digits/train.csv"
section "SpiNNaker: seeded random recurrent network, 1 neuron/core on 3 boards, + machine replay"
/usr/bin/python3 "$ROOT/scripts/gen_replay_networks.py" big --seed 7 --scale 4 \
  >"$OUT/random-big.mlir"
compile spinnaker-random-big "$OUT/random-big.mlir" --target spinnaker1 \
  --machine spinnaker1-boards:3 --neurons-per-core 1
"$BUILD/bin/axon-opt" "$OUT/random-big.mlir" \
  --axon-spinnaker-pipeline="machine=spinnaker1-boards:3 neurons-per-core=1" \
  --spinn-replay-check="steps=200 seed=17" -o /dev/null 2>&1 |
  sed -n 's/.*remark: \(replay: .*\)/\1/p'

for ds in breast_cancer seeds; do
  section "printed: examples/uci/$ds.onnx, <= 1% accuracy loss (search, iverilog, yosys)"
  compile "printed-$ds" "$ROOT/examples/uci/$ds.onnx" --target printed \
    --dataset "$SHARED/datasets/uci/$ds" --max-accuracy-loss 0.01
done

section "threshold: examples/digits/bnn_mlp.onnx (+ CMOS baseline through yosys)"
compile threshold-digits "$ROOT/examples/digits/bnn_mlp.onnx" --target threshold \
  --dataset "$ROOT/examples/digits/test_binary.csv" --cmos-baseline
for ds in breast_cancer seeds; do
  section "threshold: examples/bnn/${ds}_bnn.onnx (+ CMOS baseline)"
  compile "threshold-$ds" "$ROOT/examples/bnn/${ds}_bnn.onnx" --target threshold \
    --dataset "$ROOT/examples/bnn/${ds}_test_binary.csv" --cmos-baseline
done

section "summary"
/usr/bin/python3 "$ROOT/scripts/demo_summary.py" "$OUT"
echo
echo "Outputs (core maps, coremap.svg, Verilog, testbenches, .th, reports): $OUT"
