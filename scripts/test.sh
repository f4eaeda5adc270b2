#!/usr/bin/env bash
# test.sh - the README's test command: set up, build, run every test.
#
#   scripts/test.sh [--sanitize]
#
# Runs the lit regression tests (test/) and the GoogleTest unit tests
# (test/unit, through lit's GoogleTest format) and ends with one line
# "N passed, N failed".  Exits non-zero on any failure.  --sanitize builds
# and tests an ASan+UBSan build in build-sanitize/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
BUILD="$(bash "$ROOT/scripts/build.sh" "$@" | tail -n 1)"
LIT=/usr/lib/llvm-19/build/utils/lit/lit.py
RESULTS="$BUILD/test-results.xml"
set +e
/usr/bin/python3 "$LIT" -sv --xunit-xml-output "$RESULTS" \
  "$BUILD/test" "$BUILD/test/unit"
status=$?
set -e
/usr/bin/python3 - "$RESULTS" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
passed = failed = skipped = 0
for case in root.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
