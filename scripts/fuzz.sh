#!/bin/bash
# fuzz.sh - build (if needed) and run one reader's libFuzzer target.
#
# Usage: scripts/fuzz.sh READER [SECONDS]
#   READER   nir | onnx   (each reader adds its line to the case below)
#   SECONDS  how long to fuzz (default 600)
#
# Configures a separate clang-19 build in $AXON_FUZZ_BUILD (default
# /tmp/build-fuzz) with -DAXON_ENABLE_FUZZERS=ON, builds the target with
# `nice -n 10 ninja -j1`, seeds a working corpus from the reader's test
# fixtures (the repository is never written to), runs one fuzzing process
# under nice for SECONDS and prints the number of executions and of
# crashes (crash-/leak-/timeout-/oom- artifacts, kept in
# $AXON_FUZZ_BUILD/artifacts/READER/), each attributed to Axon's code or to
# the third-party parsing library and replayed through the path users run.
# Exit status 1 if a crash is in Axon's code or is not contained.
#
# Environment: AXON_FUZZ_SOURCE (source tree, default: this repository),
# AXON_FUZZ_CMAKE_ARGS (extra configure arguments, e.g.
# "-DAXON_EXCLUDE_ROOMS=spinnaker;printed"), JOBS (ninja -j, default 1).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SOURCE=${AXON_FUZZ_SOURCE:-$REPO}
BUILD=${AXON_FUZZ_BUILD:-/tmp/build-fuzz}
READER=${1:-}
SECONDS_TO_RUN=${2:-600}
# Optional per reader: the third-party library doing the parsing (crashes
# whose first known frame is in it are attributed to it) and an environment
# setting under which the target runs exactly what users run.
EXTERNAL_LIB=""
SANDBOX_ENV=""

case "$READER" in
  nir)
    TARGET=fuzz-nir
    SEEDS=("$REPO/test/Import/nir/Inputs" "$REPO/test/Import/nir/Inputs/extra"
           "$REPO/test/Import/nir/Inputs/extra/fuzz")
    PATTERN='*.nir'
    # Crashes inside this library are attributed to it, not to Axon.
    EXTERNAL_LIB=libhdf5
    # Replaying an artifact with this set runs what users run (FuzzNIR.cpp).
    SANDBOX_ENV=AXON_FUZZ_SANDBOX=1
    ;;
  onnx)
    TARGET=fuzz-onnx
    SEEDS=("$REPO/test/Import/onnx/Inputs" "$REPO/test/Import/onnx/Inputs/extra")
    PATTERN='*.onnx'
    ;;
  *)
    echo "usage: $0 nir|onnx [SECONDS]  (unknown reader '$READER')" >&2
    exit 2
    ;;
esac

if ! grep -q 'add_subdirectory(fuzz)' "$SOURCE/CMakeLists.txt"; then
  echo "error: $SOURCE/CMakeLists.txt does not add fuzz/; it needs" >&2
  echo "  if(AXON_ENABLE_FUZZERS) add_subdirectory(fuzz) endif()" >&2
  exit 2
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  # shellcheck disable=SC2086
  cmake -G Ninja -S "$SOURCE" -B "$BUILD" \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAXON_ENABLE_FUZZERS=ON \
    ${AXON_FUZZ_CMAKE_ARGS:-} > "$BUILD.configure.log" 2>&1 ||
    { echo "error: configure failed, see $BUILD.configure.log" >&2; exit 1; }
fi
nice -n 10 ninja -C "$BUILD" -j"${JOBS:-1}" "$TARGET" > "$BUILD/$TARGET.build.log" 2>&1 ||
  { echo "error: build failed, see $BUILD/$TARGET.build.log" >&2; exit 1; }

CORPUS="$BUILD/corpus/$READER"
ARTIFACTS="$BUILD/artifacts/$READER"
LOG="$BUILD/$TARGET.log"
mkdir -p "$CORPUS" "$ARTIFACTS"
for dir in "${SEEDS[@]}"; do
  find "$dir" -maxdepth 1 -name "$PATTERN" -exec cp -n {} "$CORPUS/" \;
done
BIN="$BUILD/bin/$TARGET"
STAMP="$BUILD/$TARGET.stamp"
touch "$STAMP"

# Containers annotated in uninstrumented LLVM code would give false reports.
# Allocations sized from corrupt metadata fail like glibc's malloc would
# (null) instead of aborting; real memory growth is still caught by
# -rss_limit_mb (-malloc_limit_mb is raised out of the way for that reason).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_container_overflow=0:allocator_may_return_null=1}
if [ -f "$REPO/fuzz/$READER/lsan.supp" ]; then
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$REPO/fuzz/$READER/lsan.supp}
fi

# -fork=1: one worker process at a time, restarted after a crash, so one
# crash does not end the run; every crashing input is kept as an artifact.
set +e
timeout --signal=INT $((SECONDS_TO_RUN + 300)) nice -n 10 "$BIN" "$CORPUS" \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$SECONDS_TO_RUN" -timeout=150 -rss_limit_mb=4096 \
  -malloc_limit_mb=1048576 -max_len=65536 -artifact_prefix="$ARTIFACTS/" \
  > "$LOG" 2>&1
status=$?
set -e

executions=$(grep -oE '^#[0-9]+' "$LOG" | tr -d '#' | tail -n 1)
mapfile -t NEW < <(find "$ARTIFACTS" -maxdepth 1 -type f -newer "$STAMP" | sort)

# Triage: replay each artifact and attribute it to the first stack frame
# that is either in $EXTERNAL_LIB or in this source tree.
own=0
external=0
contained=0
for artifact in "${NEW[@]}"; do
  # libFuzzer's -timeout prints the stack of a hang, so it can be attributed.
  report=$(timeout -s KILL 600 "$BIN" -timeout=60 "$artifact" 2>&1 || true)
  pattern="$SOURCE/|$REPO/"
  [ -n "$EXTERNAL_LIB" ] && pattern="$EXTERNAL_LIB|$pattern"
  frame=$(grep -E '^ +#[0-9]+ 0x' <<< "$report" | grep -m1 -E "$pattern" || true)
  if ! grep -qE 'ERROR: |runtime error|deadly signal' <<< "$report"; then
    # e.g. a leak or timeout that needs the fuzzer's earlier inputs
    external=$((external + 1))
    where="does not reproduce alone"
  elif [ -n "$EXTERNAL_LIB" ] && grep -q "$EXTERNAL_LIB" <<< "$frame"; then
    external=$((external + 1))
    where="in $EXTERNAL_LIB"
  else
    own=$((own + 1))
    where="in Axon: $(sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //' <<< "$frame")"
  fi
  # What users run: the same input through the sandboxed reader.
  if [ -n "$SANDBOX_ENV" ] &&
     timeout -s KILL 600 env "$SANDBOX_ENV" "$BIN" -timeout=300 "$artifact" > /dev/null 2>&1; then
    contained=$((contained + 1))
    where="$where; contained by the sandbox"
  fi
  echo "artifact:    $(basename "$artifact") ($where)"
done

echo "reader:      $READER ($TARGET, $SECONDS_TO_RUN s, libFuzzer exit status $status)"
echo "executions:  ${executions:-unknown}"
echo "crashes:     ${#NEW[@]} ($own in Axon code, $external elsewhere or not reproducible alone, $contained contained by the sandbox)"
echo "corpus:      $(find "$CORPUS" -type f | wc -l) inputs in $CORPUS"
echo "log:         $LOG"
if [ -n "$SANDBOX_ENV" ]; then
  [ "$own" -eq 0 ] && [ "$contained" -eq "${#NEW[@]}" ]
else
  [ "${#NEW[@]}" -eq 0 ]
fi
