"""Independent check of an `axonc compile --target printed` output folder.

Recomputes what the report claims from the files and the dataset, without
Axon code: the 4-bit input codes (min-max on the training rows, round half
up, clipped) in sim.Xtest's published format (decimals separated by
blanks, feature 0 first), the width of `out` (the bit length of the class
count, as in the published designs), iverilog/vvp runs of the emitted
testbenches on the test rows AND on the training rows (so the training
accuracies, hence the loss bound, are checked on the circuit), the
reduction factor, the leakage power and the battery verdict, the float
accuracies against examples/uci/models.json (measured by the training
script), and optionally the area by re-running shared/pdk/area.sh.  Prints
one line per check; exits 1 on the first failure.
"""

import argparse
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.dom.minidom


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def read_csv(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return [[float(v) for v in r[:-1]] for r in rows[1:]], [int(r[-1]) for r in rows[1:]]


def codes(train, rows, bits=4):
    n = len(train[0])
    lo = [min(r[i] for r in train) for i in range(n)]
    hi = [max(r[i] for r in train) for i in range(n)]
    top = (1 << bits) - 1
    out = []
    for r in rows:
        c = []
        for i, x in enumerate(r):
            t = 0.0 if hi[i] == lo[i] else (x - lo[i]) / (hi[i] - lo[i])
            c.append(min(max(math.floor(t * top + 0.5), 0), top))
        out.append(c)
    return out


def xtest_line(row):
    """One row of sim.Xtest in the published format: the codes as decimals
    separated by blanks, feature 0 first."""
    return " ".join("%d" % c for c in row)


def out_width(classes):
    """Width of `out` in the published designs: the bit length of C."""
    return max(1, classes.bit_length())


def simulate(design_dir, xlines, labels, classes, tmp, tag):
    """Accuracy of the circuit in design_dir on sim.Xtest rows (iverilog + vvp)."""
    xpath, ypath = os.path.join(tmp, tag + ".X"), os.path.join(tmp, tag + ".Y")
    out, exe = os.path.join(tmp, tag + ".out"), os.path.join(tmp, tag + ".vvp")
    with open(xpath, "w") as f:
        f.write("".join(x + "\n" for x in xlines))
    with open(ypath, "w") as f:
        f.write("".join("%d\n" % y for y in labels))
    subprocess.run(["iverilog", "-g2005", "-o", exe,
                    os.path.join(design_dir, "top_tb.v"),
                    os.path.join(design_dir, "top.v")], check=True)
    subprocess.run(["vvp", "-n", exe, "+xtest=" + xpath, "+ytest=" + ypath,
                    "+out=" + out], check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        pred = [int(line) for line in f if line.strip()]
    if any(p >= classes for p in pred):
        fail("%s: a class index out of range" % tag)
    if len(pred) != len(labels):
        fail("%s: %d predictions for %d rows" % (tag, len(pred), len(labels)))
    correct = sum(p == y for p, y in zip(pred, labels))
    return correct, correct / len(labels)


def close(a, b, what, tol=1e-9):
    if abs(a - b) > tol * max(1.0, abs(b)):
        fail("%s: report %r, recomputed %r" % (what, a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("dataset")
    ap.add_argument("--models-json")
    ap.add_argument("--pdk", help="re-run area.sh on the chosen design")
    args = ap.parse_args()
    report = json.load(open(os.path.join(args.out, "report.json")))
    for d in [".", "baseline"]:
        for name in ["top.v", "top_tb.v", "sim.Xtest", "sim.Ytest"]:
            if not os.path.isfile(os.path.join(args.out, d, name)):
                fail("missing %s/%s" % (d, name))
    for name in ["report.txt", "pareto.svg"]:
        if not os.path.isfile(os.path.join(args.out, name)):
            fail("missing " + name)

    train_x, train_y = read_csv(os.path.join(args.dataset, "train.csv"))
    test_x, test_y = read_csv(os.path.join(args.dataset, "test.csv"))
    test_lines = [xtest_line(c) for c in codes(train_x, test_x)]
    train_lines = [xtest_line(c) for c in codes(train_x, train_x)]
    classes = report["classes"]
    if (int(report["topology"].split("-")[-1]) != classes
            or max(train_y + test_y) >= classes):
        fail("report: %d classes, topology %s, labels up to %d"
             % (classes, report["topology"], max(train_y + test_y)))
    width = out_width(classes)
    for d in [".", "baseline"]:
        with open(os.path.join(args.out, d, "top.v")) as f:
            text = f.read()
        rng = r"(\[0:0\]\s*)?" if width == 1 else r"\[%d:0\]\s*" % (width - 1)
        if not re.search(r"output\s+(wire\s+)?" + rng + r"out\b", text):
            fail("%s/top.v: expected `out` of %d bits for %d classes"
                 % (d, width, classes))
    print("ports: out is %d bits for %d classes" % (width, classes))
    for d in [".", "baseline"]:
        with open(os.path.join(args.out, d, "sim.Xtest")) as f:
            if [l.rstrip("\n") for l in f if l.strip()] != test_lines:
                fail(d + "/sim.Xtest differs from the recomputed input codes")
        with open(os.path.join(args.out, d, "sim.Ytest")) as f:
            if [int(l) for l in f if l.strip()] != test_y:
                fail(d + "/sim.Ytest differs from the test labels")
    print("inputs: sim.Xtest/sim.Ytest match the recomputed codes (%d rows)"
          % len(test_y))

    acc = {}
    with tempfile.TemporaryDirectory() as tmp:
        for d, key in [(".", "approximate"), ("baseline", "baseline")]:
            design = os.path.join(args.out, d)
            correct, test_acc = simulate(design, test_lines, test_y, classes, tmp, key + "-test")
            _, train_acc = simulate(design, train_lines, train_y, classes, tmp, key + "-train")
            close(report[key]["accuracy"]["test"], test_acc, key + " test accuracy")
            close(report[key]["accuracy"]["train"], train_acc, key + " train accuracy")
            if report[key]["test_correct"] != correct:
                fail(key + " test_correct")
            acc[key] = (train_acc, test_acc)
    close(report["accuracy"]["quantized"]["test"], acc["baseline"][1], "quantized test")
    close(report["accuracy"]["approximate"]["test"], acc["approximate"][1], "approximate test")
    loss = acc["baseline"][0] - acc["approximate"][0]
    if loss > report["max_accuracy_loss"] + 1e-12:
        fail("training loss %f exceeds the bound %f" % (loss, report["max_accuracy_loss"]))
    print("iverilog: accuracies match the report; training loss %.4f <= %.4f"
          % (loss, report["max_accuracy_loss"]))

    base, appr = report["baseline"], report["approximate"]
    ratio = base["area_um2"] / appr["area_um2"]
    close(report["reduction"]["area"], ratio, "area reduction")
    if ratio < 1:
        fail("reduction %f < 1" % ratio)
    for d in (base, appr):
        close(d["area_cm2"], d["area_um2"] / 1e8, "area_cm2")
        close(d["power_mW"], 0.345 * d["area_um2"] / 1e8, "power")
        if d["battery_ok"] != (d["power_mW"] < 30):
            fail("battery verdict")
    print("area: reduction %.2fx >= 1, power = 0.345 mW/cm2 x area" % ratio)

    if args.models_json:
        ref = json.load(open(args.models_json))[report["model"]]
        close(report["accuracy"]["float"]["test"], ref["test_acc"], "float test")
        close(report["accuracy"]["float"]["train"], ref["train_acc"], "float train")
        print("float: accuracies match models.json")
    if args.pdk:
        res = subprocess.run(["bash", os.path.join(args.pdk, "area.sh"),
                              os.path.join(args.out, "top.v"), "top"],
                             check=True, capture_output=True, text=True).stdout
        area = [float(l.split(":")[1]) for l in res.splitlines()
                if l.startswith("area_um2:")][0]
        close(appr["area_um2"], area, "chosen area (area.sh)")
        print("area.sh: chosen design %.0f um2" % area)

    svg = xml.dom.minidom.parse(os.path.join(args.out, "pareto.svg"))
    circles = len(svg.getElementsByTagName("circle"))
    if circles != len(report["pareto"]) + 1:  # one more in the legend
        fail("pareto.svg has %d points for %d front designs"
             % (circles - 1, len(report["pareto"])))
    if sum(p["chosen"] for p in report["pareto"]) != 1:
        fail("exactly one front design must be the chosen one")
    print("OK " + report["model"])


if __name__ == "__main__":
    main()
