#!/usr/bin/env python3
"""Checks rate-encoded spike counts against the intensities that drove them.

usage: rate_counts.py PROBES.csv INTENSITIES.csv [SEED]

PROBES.csv is `axonc simulate --probe x` output (a header, one row per step,
one column per input); INTENSITIES.csv one row of intensities.  Every value
must be 0 or 1; an input with intensity <= 0 never spikes, >= 1 always, and
otherwise the count over T steps is within 4 standard deviations of the
Bernoulli mean, |count - p T| <= 4 sqrt(p (1 - p) T) (with the fixed seed of
the test the outcome is deterministic; 4 sigma leaves a 6e-5 chance per
input that a correct encoder would fail for some other seed).

With SEED, every spike must also equal this independent implementation of
the documented generator (docs/simulator.md, sim::RateEncoder) for sample 0:
input i spikes at step t iff
splitmix64(splitmix64(splitmix64(SEED ^ 0) ^ t) ^ i) >> 11 < p_i 2^53.
"""
import math
import sys


MASK = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def reference_spike(seed, sample, step, index, p):
    h = splitmix64(splitmix64(splitmix64(seed ^ sample) ^ step) ^ index)
    return (h >> 11) * 2.0 ** -53 < p


def main():
    probes, intensities = sys.argv[1], sys.argv[2]
    with open(intensities) as f:
        p = [float(x) for x in f.read().strip().split(",")]
    with open(probes) as f:
        rows = [line.strip().split(",") for line in f if line.strip()][1:]
    steps = len(rows)
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else None
    counts = [0] * len(p)
    for t, row in enumerate(rows):
        if len(row) != len(p):
            sys.exit(f"expected {len(p)} columns, got {len(row)}")
        for i, v in enumerate(row):
            if float(v) not in (0.0, 1.0):
                sys.exit(f"non-binary spike value {v}")
            counts[i] += int(float(v))
            if seed is not None and bool(float(v)) != reference_spike(
                    seed, 0, t, i, p[i]):
                sys.exit(f"step {t} input {i}: spike {v} differs from the "
                         f"reference generator with seed {seed}")
    ok = True
    for i, (pi, c) in enumerate(zip(p, counts)):
        if pi <= 0:
            good = c == 0
            bound = 0
        elif pi >= 1:
            good = c == steps
            bound = 0
        else:
            bound = 4 * math.sqrt(pi * (1 - pi) * steps)
            good = abs(c - pi * steps) <= bound
        print(f"input {i}: p={pi:g} count={c} expected={min(max(pi, 0), 1) * steps:g} "
              f"bound={bound:.1f} {'ok' if good else 'FAIL'}")
        ok = ok and good
    exact = f", identical to the reference generator (seed {seed})" \
        if seed is not None else ""
    print(f"{steps} steps: {'ok' if ok else 'FAIL'}{exact}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
