#!/usr/bin/env bash
# The SpiNNaker mapping ladder (not part of the test suite): seeded generated
# networks of 10^4, 10^5 and 10^6 neurons mapped end to end by
# compileForSpinnaker (convert, partition, place, route, keys, tables,
# compress, check, verify + write), one network per process so the peak RSS
# is that network's.  Prints a markdown table on stdout; the generation and
# model-verification times go to stderr.
#
# usage: bench/spinnaker-map/run.sh [BUILD_DIR (default build)] [MAX_NEURONS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
max="${2:-1000000}"
bench="$build/bench/spinnaker-map/bench-spinnaker-ladder"
if [[ ! -x "$bench" ]]; then
  echo "run.sh: $bench not built (ninja -C $build bench-spinnaker-ladder)" >&2
  exit 1
fi
"$bench" --header
status=0
for neurons in 10000 100000 1000000; do
  (( neurons > max )) && continue
  for family in ff-all ff-10pct random; do
    "$bench" "$family" "$neurons" || status=1
  done
done
exit $status
