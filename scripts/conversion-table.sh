#!/usr/bin/env bash
# conversion-table.sh - the ANN->SNN conversion table of the digits models.
#
# For examples/digits/{mlp,cnn}.onnx prints one markdown table: the ANN's
# test accuracy, the converted IF network's at T = 16, 32, 64, 128 steps, and
# the SNN quantized to the spinnaker profile (snn-quantize{profile=spinnaker},
# simulated with --profile spinnaker at T = 64), and the SNN driven by the
# seeded rate encoder (seed 1) at T = 128.  Every number comes from the
# reference simulator (axonc simulate --dataset) on the same test rows.
#
#   bash scripts/conversion-table.sh            # all 540 test rows (~1-3 min)
#   bash scripts/conversion-table.sh --quick    # first 180 rows (< 60 s)
#
# Options: --quick, --bin DIR (axonc/axon-opt/axon-translate; default
# build/bin), --limit N (test rows), --quant-steps T (default 64).
# docs/conversion.md records the measured table.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/build/bin"
LIMIT=0
CALIB_LIMIT=0
QUANT_T=64
STEPS=(16 32 64 128)

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
  --quick) LIMIT=180; CALIB_LIMIT=300 ;;
  --bin) BIN=$2; shift ;;
  --bin=*) BIN=${1#--bin=} ;;
  --limit) LIMIT=$2; shift ;;
  --limit=*) LIMIT=${1#--limit=} ;;
  --quant-steps) QUANT_T=$2; shift ;;
  --quant-steps=*) QUANT_T=${1#--quant-steps=} ;;
  -h | --help) usage; exit 0 ;;
  *) echo "conversion-table.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in axonc axon-opt axon-translate; do
  if [ ! -x "$BIN/$tool" ]; then
    echo "conversion-table.sh: $BIN/$tool not found; build first or pass --bin DIR" >&2
    exit 1
  fi
done

DIGITS="$ROOT/examples/digits"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# accuracy MODEL [simulate flags...]: the accuracy as a percentage.
accuracy() {
  local model=$1
  shift
  local line
  line=$("$BIN/axonc" simulate "$model" --dataset "$DIGITS/test.csv" \
    --limit "$LIMIT" "$@")
  echo "$line" | awk '/^accuracy:/ { printf "%.2f", 100 * $2 }'
}

ROWS=$(($(wc -l <"$DIGITS/test.csv") - 1))
if [ "$LIMIT" -gt 0 ] && [ "$LIMIT" -lt "$ROWS" ]; then ROWS=$LIMIT; fi

header="| model | ANN |"
rule="|---|---|"
for t in "${STEPS[@]}"; do
  header+=" SNN T=$t |"
  rule+="---|"
done
header+=" SNN spinnaker T=$QUANT_T | SNN rate T=128 |"
rule+="---|---|"
echo "$header"
echo "$rule"

for model in mlp cnn; do
  "$BIN/axon-translate" --import-onnx "$DIGITS/$model.onnx" -o "$TMP/$model.ann.mlir"
  "$BIN/axon-opt" "$TMP/$model.ann.mlir" \
    --pass-pipeline="builtin.module(snn.network(snn-fold-batch-norm,snn-ann-to-snn{calibration=$DIGITS/train.csv limit=$CALIB_LIMIT timesteps=$QUANT_T}))" \
    -o "$TMP/$model.snn.mlir"
  "$BIN/axon-opt" "$TMP/$model.snn.mlir" \
    --pass-pipeline="builtin.module(snn.network(snn-quantize{profile=spinnaker}))" \
    -o "$TMP/$model.q.mlir" 2>/dev/null
  row="| $model | $(accuracy "$TMP/$model.ann.mlir") |"
  for t in "${STEPS[@]}"; do
    row+=" $(accuracy "$TMP/$model.snn.mlir" --steps "$t") |"
  done
  row+=" $(accuracy "$TMP/$model.q.mlir" --steps "$QUANT_T" --profile spinnaker) |"
  row+=" $(accuracy "$TMP/$model.snn.mlir" --steps 128 --encoding rate --seed 1) |"
  echo "$row"
done

calib="all train rows"
if [ "$CALIB_LIMIT" -gt 0 ]; then calib="$CALIB_LIMIT train rows"; fi
echo
echo "Test accuracy in %, $ROWS test rows, direct encoding unless noted;" \
  "thresholds from" \
  "the 99.9th activation percentile of $calib; reference simulator" \
  "(float-exact, spinnaker)."
