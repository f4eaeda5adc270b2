#!/usr/bin/python3
"""Writes a self-checking Verilog testbench for one module.

The expected outputs come from Python expressions given on the command line
(written by hand in each test from the op semantics), not from Axon, so a
simulation that passes means the exported Verilog computes what the test
author says the netlist computes.

  gen_tb.py --module alu --in a:4 --in b:4 --out 'y:4=a+b' --exhaustive -o tb.v

Vectors: every input combination (--exhaustive) or --random N of them drawn
with --seed.  Expressions see the inputs as unsigned ints, the state
variables, and helpers sx(v, w) (two's-complement value of a w-bit v) and
bit(v, i).  Outputs are reduced modulo 2**width.

Sequential designs: --clock clk adds a clock the testbench pulses after
checking each vector; --state 'q=0' declares a model variable and
--update 'q=EXPR' its value after the edge (all updates see the values
before the edge).  --first 'rst=1' forces an input in the first vector, and
--check-from K skips checking the first K vectors (registers start as X).
The testbench prints "<n> vectors, <m> mismatches" and PASS or FAIL.
"""

import argparse
import itertools
import random
import sys


def parse_port(text):
    name, width = text.split(":", 1)
    return name, int(width)


def parse_assign(text):
    lhs, expr = text.split("=", 1)
    return lhs.strip(), expr.strip()


def sx(value, width):
    value &= (1 << width) - 1
    return value - (1 << width) if value >> (width - 1) else value


def bit(value, index):
    return (value >> index) & 1


def make_vectors(args, inputs):
    widths = [w for _, w in inputs]
    if args.exhaustive:
        ranges = [range(1 << w) for w in widths]
        vectors = [list(v) for v in itertools.product(*ranges)]
    else:
        rng = random.Random(args.seed)
        vectors = [[rng.getrandbits(w) for w in widths]
                   for _ in range(args.random)]
    names = [n for n, _ in inputs]
    for name, value in map(parse_assign, args.first):
        if vectors:
            vectors[0][names.index(name)] = int(value, 0)
    return vectors


def expected_outputs(args, inputs, outputs, vectors):
    """Runs the Python model over the vectors; returns one dict per vector."""
    helpers = {"sx": sx, "bit": bit}
    state = {name: eval(init, helpers) for name, init in
             map(parse_assign, args.state)}
    updates = list(map(parse_assign, args.update))
    results = []
    for vector in vectors:
        env = dict(state)
        env.update({name: v for (name, _), v in zip(inputs, vector)})
        results.append({name: int(eval(expr, helpers, env)) & ((1 << w) - 1)
                        for name, w, expr in outputs})
        state = {name: int(eval(expr, helpers, env)) for name, expr in updates}
    return results


def literal(width, value):
    return "%d'd%d" % (width, value)


def write_testbench(args, inputs, outputs, vectors, expected, out):
    def decl(kind, name, width):
        rng = "[%d:0] " % (width - 1) if width > 1 else ""
        return "  %s %s%s;\n" % (kind, rng, name)

    out.write("`timescale 1ns/1ps\nmodule tb;\n")
    for name, width in inputs:
        out.write(decl("reg", name, width))
    if args.clock:
        out.write(decl("reg", args.clock, 1))
    for name, width, _ in outputs:
        out.write(decl("wire", name, width))
    ports = [n for n, _ in inputs] + [n for n, _, _ in outputs]
    if args.clock:
        ports.insert(0, args.clock)
    out.write("  %s dut(%s);\n" % (
        args.module, ", ".join(".%s(%s)" % (p, p) for p in ports)))
    out.write("  integer errors;\n  initial begin\n    errors = 0;\n")
    if args.clock:
        out.write("    %s = 1'b0;\n" % args.clock)
    for index, (vector, want) in enumerate(zip(vectors, expected)):
        for (name, width), value in zip(inputs, vector):
            out.write("    %s = %s;\n" % (name, literal(width, value)))
        out.write("    #1;\n")
        if index >= args.check_from:
            for name, width, _ in outputs:
                out.write(
                    '    if (%s !== %s) begin errors = errors + 1; '
                    '$display("MISMATCH vector %d: %s = %%0d, expected %d", '
                    '%s); end\n' % (name, literal(width, want[name]), index,
                                    name, want[name], name))
        if args.clock:
            out.write("    %s = 1'b1; #1; %s = 1'b0; #1;\n" %
                      (args.clock, args.clock))
    checked = max(0, len(vectors) - args.check_from)
    out.write('    $display("%d vectors, %%0d mismatches", errors);\n' % checked)
    out.write('    if (errors == 0) $display("PASS"); else $display("FAIL");\n')
    out.write("    $finish;\n  end\nendmodule\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", required=True)
    parser.add_argument("--in", dest="inputs", action="append", default=[])
    parser.add_argument("--out", dest="outputs", action="append", default=[])
    parser.add_argument("--clock")
    parser.add_argument("--state", action="append", default=[])
    parser.add_argument("--update", action="append", default=[])
    parser.add_argument("--first", action="append", default=[])
    parser.add_argument("--check-from", type=int, default=0)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--exhaustive", action="store_true")
    group.add_argument("--random", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    inputs = [parse_port(p) for p in args.inputs]
    outputs = []
    for text in args.outputs:
        port, expr = parse_assign(text)
        name, width = parse_port(port)
        outputs.append((name, width, expr))
    vectors = make_vectors(args, inputs)
    expected = expected_outputs(args, inputs, outputs, vectors)
    with open(args.output, "w") as out:
        write_testbench(args, inputs, outputs, vectors, expected, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
