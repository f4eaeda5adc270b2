#!/usr/bin/python3
"""Compare two `axonc simulate` probe CSVs: same header and rows; columns
whose name contains ".spikes" must match exactly, the others within a
relative tolerance (default 1e-5, for f32 rounding of folded weights).

usage: compare_probe_csv.py A.csv B.csv [RTOL]
Prints "same (N rows, M spike columns)" and exits 0, or the first difference.
"""
import csv
import sys

a = list(csv.reader(open(sys.argv[1])))
b = list(csv.reader(open(sys.argv[2])))
rtol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-5
if a[0] != b[0] or len(a) != len(b):
    print("different header or row count")
    sys.exit(1)
spikes = [i for i, h in enumerate(a[0]) if ".spikes" in h]
for r, (ra, rb) in enumerate(zip(a[1:], b[1:]), 1):
    for i, (x, y) in enumerate(zip(ra, rb)):
        if i in spikes:
            ok = x == y
        else:
            fx, fy = float(x), float(y)
            ok = abs(fx - fy) <= rtol * max(1.0, abs(fx), abs(fy))
        if not ok:
            print("row %d column %s: %s vs %s" % (r, a[0][i], x, y))
            sys.exit(1)
print("same (%d rows, %d spike columns)" % (len(a) - 1, len(spikes)))
