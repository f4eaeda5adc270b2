"""Row-by-row agreement of the three evaluations of a threshold netlist.

usage: agree.py REFERENCE.csv PREDICTIONS.csv VERILOG.txt

REFERENCE.csv   `axonc simulate --probe output` of the original model (a
                header, then the class index per row): the reference.
PREDICTIONS.csv `axonc compile --dataset` (row,label,predicted): the tlg
                netlist interpreter.
VERILOG.txt     the testbench's output (row,class per line) from simulating
                model.v + cells.v, or `-` to skip.

Prints one line per comparison and the reference accuracy against the
labels; exits 1 on any disagreement.
"""
import sys


def read_reference(path):
    with open(path) as f:
        lines = [l.strip() for l in f if l.strip()]
    return [int(float(v)) for v in lines[1:]]


def read_predictions(path):
    labels, predicted = [], []
    with open(path) as f:
        next(f)
        for line in f:
            row, label, pred = line.strip().split(",")
            labels.append(int(label))
            predicted.append(int(pred))
    return labels, predicted


def read_verilog(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if "," not in line:
                continue
            row, value = line.split(",")
            out[int(row)] = int(value)
    return [out[r] for r in sorted(out)]


def compare(name, a, b):
    bad = [i for i in range(min(len(a), len(b))) if a[i] != b[i]]
    if len(a) != len(b) or bad:
        print(f"MISMATCH {name}: {len(a)} vs {len(b)} rows, differing rows "
              f"{bad[:10]}")
        return False
    print(f"agree {name}: {len(a)}/{len(a)} rows")
    return True


def main():
    reference = read_reference(sys.argv[1])
    labels, interpreter = read_predictions(sys.argv[2])
    rows = len(interpreter)
    reference = reference[:rows]
    ok = compare("reference simulator vs tlg interpreter", reference,
                 interpreter)
    if sys.argv[3] != "-":
        ok &= compare("reference simulator vs iverilog", reference,
                      read_verilog(sys.argv[3]))
    correct = sum(int(r == l) for r, l in zip(reference, labels))
    print(f"reference accuracy {correct}/{rows}")
    sys.exit(0 if ok else 1)


main()
