#!/usr/bin/python3
"""Compare columns of a probe CSV written by `axonc simulate` with columns of a
reference trace (CSV without header, e.g. the shared NIR golden traces).

  compare_trace.py OUT.csv REF.csv --map PROBE=COL [--map ...] [--atol A]
                   [--exact PROBE]...

Exits 1 and prints the first mismatch when a column differs by more than atol
(or at all, for --exact columns)."""
import argparse
import csv
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("ref")
    ap.add_argument("--map", action="append", required=True)
    ap.add_argument("--atol", type=float, default=0.0)
    ap.add_argument("--exact", action="append", default=[])
    args = ap.parse_args()
    with open(args.out) as f:
        rows = list(csv.reader(f))
    header, out = rows[0], [[float(x) for x in r] for r in rows[1:]]
    with open(args.ref) as f:
        ref = [[float(x) for x in r] for r in csv.reader(f) if r]
    if len(out) != len(ref):
        print(f"length mismatch: {len(out)} simulated steps vs {len(ref)} reference rows")
        return 1
    for m in args.map:
        probe, col = m.split("=")
        if probe not in header:
            print(f"probe {probe} not in {header}")
            return 1
        i, c = header.index(probe), int(col)
        tol = 0.0 if probe in args.exact else args.atol
        worst = 0.0
        for t, (o, r) in enumerate(zip(out, ref)):
            d = abs(o[i] - r[c])
            worst = max(worst, d)
            if d > tol:
                print(f"{probe} differs at step {t}: {o[i]!r} vs {r[c]!r} (tol {tol})")
                return 1
        print(f"{probe}: {len(out)} steps, max abs difference {worst:.3g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
