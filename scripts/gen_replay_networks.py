#!/usr/bin/env python3
"""Seeded random snn networks for the SpiNNaker machine-level replay tests.

    gen_replay_networks.py FAMILY [--seed S] [--scale K]

FAMILY is one of
  ff       feed-forward chain: input -> 3 LIF layers (sparse random weights)
  rec      recurrent: input -> excitatory LIF <-> inhibitory CubaLIF, with
           sparse excitatory recurrence and mixed-sign weights
  delay    feed-forward and recurrent projections through snn.delay ops of
           1..6 ms (uniform per op), one-to-one and sparse
  big      a wide feed-forward + recurrent net (--scale multiplies its
           widths) meant to be mapped at a few neurons per core so it spans
           many chips (and boards)
The network is printed on stdout as snn IR (dt = 1 ms, reset to zero).  The
output depends only on the arguments (Python's `random` with the seed).
"""

import argparse
import random


def fmt(x):
    return "0.0" if x == 0 else repr(round(x, 4))


def matrix(rows):
    return "[" + ", ".join("[" + ", ".join(fmt(x) for x in r) + "]" for r in rows) + "]"


class Net:
    def __init__(self, name, rng):
        self.name, self.rng, self.lines, self.n = name, rng, [], 0
        self.types = {}  # element type of every value (spikes are i1)

    def value(self):
        self.n += 1
        return "%%v%d" % self.n

    def input(self, name, size):
        v = self.value()
        self.lines.append(f'{v} = snn.input : tensor<{size}xi1> loc("{name}")')
        self.types[v] = "i1"
        return v, size

    def linear(self, name, src, post, density, lo, hi, bias=None):
        v, pre = src
        rng = self.rng
        w = [[rng.uniform(lo, hi) if rng.random() < density else 0.0 for _ in range(pre)]
             for _ in range(post)]
        out = self.value()
        kind = "snn.affine" if bias is not None else "snn.linear"
        attrs = f"weight = dense<{matrix(w)}> : tensor<{post}x{pre}xf32>"
        if bias is not None:
            b = [rng.uniform(-bias, bias) for _ in range(post)]
            attrs += ", bias = dense<[" + ", ".join(fmt(x) for x in b) + f"]> : tensor<{post}xf32>"
        self.types[out] = "f32"
        self.lines.append(f"{out} = {kind} {v} {{{attrs}}} : (tensor<{pre}x{self.types.get(v, 'i1')}>) -> "
                          f'tensor<{post}xf32> loc("{name}")')
        return out, post

    def delay(self, name, src, ms):
        v, size = src
        out = self.value()
        t = self.types.get(v, "i1")
        self.types[out] = t
        self.lines.append(f"{out} = snn.delay {v} {{delay = dense<{ms * 1e-3!r}> : tensor<{size}xf32>}} : "
                          f'(tensor<{size}x{t}>) -> tensor<{size}x{t}> loc("{name}")')
        return out, size

    def lif(self, name, srcs, size, result=None, cuba=False):
        out = result or self.value()
        self.types[out] = "i1"
        rng = self.rng
        tau = [rng.choice([0.01, 0.02, 0.05]) for _ in range(size)]
        th = [rng.choice([0.5, 1.0, 1.5]) for _ in range(size)]
        vec = lambda xs: "dense<[" + ", ".join(fmt(x) for x in xs) + f"]> : tensor<{size}xf32>"
        splat = lambda x: f"dense<{x}> : tensor<{size}xf32>"
        if cuba:
            params = (f"tau_syn = {splat(0.005)}, tau_mem = {vec(tau)}, r = {splat(1.0)}, "
                      f"v_leak = {splat(0.0)}, v_threshold = {vec(th)}, v_reset = {splat(0.0)}, "
                      f"w_in = {splat(1.0)}")
        else:
            params = (f"tau = {vec(tau)}, r = {splat(1.0)}, v_leak = {splat(0.0)}, "
                      f"v_threshold = {vec(th)}, v_reset = {splat(0.0)}")
        ops = ", ".join(v for v, _ in srcs)
        types = ", ".join(f"tensor<{size}x{self.types.get(v, 'f32')}>" for v, _ in srcs)
        op = "snn.cuba_lif" if cuba else "snn.lif"
        self.lines.append(f"{out} = {op} {ops} {{{params}}} : ({types}) -> "
                          f'tensor<{size}xi1> loc("{name}")')
        return out, size

    def output(self, src):
        v, size = src
        self.lines.append(f'snn.output {v} : tensor<{size}xi1> loc("out")')

    def text(self):
        head = (f"snn.network @{self.name} attributes {{discretization = "
                "#snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {")
        return "\n".join([head] + ["  " + l for l in self.lines] + ["}"]) + "\n"


def ff(net, k):
    x = net.input("in", 24 * k)
    for i, size in enumerate([40 * k, 32 * k, 16 * k]):
        w = net.linear(f"w{i}", x, size, 0.3, -4.0, 14.0)
        x = net.lif(f"layer{i}", [w], size)
    net.output(x)


def rec(net, k):
    n_exc, n_inh = 48 * k, 16 * k
    x = net.input("in", 20 * k)
    exc_v, inh_v = net.value(), net.value()
    w_in = net.linear("w_in", x, n_exc, 0.25, 0.0, 16.0, bias=0.3)
    w_ee = net.linear("w_ee", (exc_v, n_exc), n_exc, 0.1, -2.0, 8.0)
    w_ie = net.linear("w_ie", (inh_v, n_inh), n_exc, 0.3, -12.0, 0.0)
    exc = net.lif("exc", [w_in, w_ee, w_ie], n_exc, result=exc_v)
    w_ei = net.linear("w_ei", exc, n_inh, 0.3, 0.0, 10.0)
    inh = net.lif("inh", [w_ei], n_inh, result=inh_v, cuba=True)
    net.output(inh)


def delay(net, k):
    x = net.input("in", 16 * k)
    d0 = net.delay("d_in", x, net.rng.randint(1, 6))
    w0 = net.linear("w0", d0, 24 * k, 0.3, 0.0, 16.0)
    a_v = net.value()
    w_rec = net.linear("w_rec", (a_v, 24 * k), 24 * k, 0.1, -3.0, 8.0)
    d_rec = net.delay("d_rec", w_rec, net.rng.randint(1, 6))
    a = net.lif("a", [w0, d_rec], 24 * k, result=a_v)
    w1 = net.linear("w1", a, 12 * k, 0.4, -2.0, 14.0)
    d1 = net.delay("d1", w1, net.rng.randint(1, 6))
    b = net.lif("b", [d1], 12 * k)
    net.output(b)


def big(net, k):
    x = net.input("in", 64 * k)
    w0 = net.linear("w0", x, 96 * k, 0.15, 0.0, 14.0)
    h_v = net.value()
    w_hh = net.linear("w_hh", (h_v, 96 * k), 96 * k, 0.04, -6.0, 8.0)
    h = net.lif("hidden", [w0, w_hh], 96 * k, result=h_v)
    w1 = net.linear("w1", h, 64 * k, 0.1, -2.0, 12.0)
    d1 = net.delay("d1", w1, 2)
    o = net.lif("top", [d1], 64 * k)
    net.output(o)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("family", choices=["ff", "rec", "delay", "big"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=int, default=1)
    args = ap.parse_args()
    net = Net(f"{args.family}_s{args.seed}", random.Random(args.seed))
    globals()[args.family](net, args.scale)
    print(f"// Generated by scripts/gen_replay_networks.py {args.family} "
          f"--seed {args.seed} --scale {args.scale}")
    print(net.text(), end="")


if __name__ == "__main__":
    main()
