#!/usr/bin/env bash
# check-format.sh - fail if any tracked C++ file differs from clang-format-19
# (LLVM style, .clang-format).  Run by the test suite (test/format.test).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || true)
[ -z "$files" ] && exit 0
bad=0
for f in $files; do
  [ -f "$f" ] || continue
  if ! clang-format-19 --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not clang-format-19 clean: $f"
    bad=1
  fi
done
exit $bad
