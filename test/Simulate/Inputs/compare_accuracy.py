#!/usr/bin/env python3
"""Compares two `accuracy: A (c/n, ...)` lines of axonc simulate --dataset.

usage: compare_accuracy.py REFERENCE.txt OTHER.txt MAX_DROP

Exits non-zero unless both evaluated the same number of rows and OTHER's
accuracy is at least REFERENCE's minus MAX_DROP (a fraction, 0.01 = 1 pp).
"""
import re
import sys


def read(path):
    with open(path) as f:
        m = re.search(r"accuracy: ([0-9.]+) \(([0-9]+)/([0-9]+),", f.read())
    if not m:
        sys.exit(f"{path}: no accuracy line")
    return int(m.group(2)) / int(m.group(3)), int(m.group(3))


ref, n_ref = read(sys.argv[1])
other, n_other = read(sys.argv[2])
bound = float(sys.argv[3])
if n_ref != n_other:
    sys.exit(f"different row counts: {n_ref} vs {n_other}")
drop = ref - other
ok = drop <= bound + 1e-12
print(f"reference {ref:.4f}, other {other:.4f}, drop {100 * drop:.2f} pp "
      f"(bound {100 * bound:.2f} pp): {'ok' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
