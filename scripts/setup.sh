#!/usr/bin/env bash
# setup.sh - install everything Axon needs from Debian bookworm (idempotent).
#
# Runs as root (or via sudo).  When every package is already present it does
# nothing and touches no network, so the README commands can call it on every
# run.
set -euo pipefail

PKGS=(
  # compiler + build
  g++ cmake ninja-build ccache pkg-config git
  # LLVM/MLIR 19 (see shared/docs/BUILDING.md)
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools clang-19 clang-format-19
  libclang-rt-19-dev
  # libraries
  libboost-graph-dev protobuf-compiler libprotobuf-dev libonnx-dev libhdf5-dev
  zlib1g-dev libzstd-dev libgtest-dev libgmock-dev
  # hardware tools
  yosys berkeley-abc iverilog verilator
  # fixture/model scripts (Debian's python, /usr/bin/python3)
  python3 python3-numpy python3-h5py python3-sklearn python3-torch python3-onnx
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "axon setup: installing ${#missing[@]} packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "axon setup: done"
