#!/usr/bin/env bash
# build.sh - configure and build Axon (after setup.sh).
#
#   scripts/build.sh [--sanitize]
#
# Release build in build/ (or build-sanitize/ with ASan+UBSan).  ccache keeps
# rebuilds cheap; AXON_BUILD_DIR overrides the folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SANITIZE=OFF
BUILD="${AXON_BUILD_DIR:-$ROOT/build}"
for arg in "$@"; do
  case "$arg" in
    --sanitize) SANITIZE=ON; BUILD="${AXON_BUILD_DIR:-$ROOT/build-sanitize}" ;;
    *) echo "build.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done
JOBS="${AXON_JOBS:-$(nproc)}"
# Always (re)configure: cheap, and it clears a developer's AXON_EXCLUDE_ROOMS.
cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
  -DAXON_ENABLE_SANITIZERS="$SANITIZE" -DAXON_EXCLUDE_ROOMS= >/dev/null
ninja -C "$BUILD" -j "$JOBS" all
echo "$BUILD"
