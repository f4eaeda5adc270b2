#!/usr/bin/env python3
"""demo_summary.py OUTDIR - one table per target from the reports `axonc
compile` wrote into OUTDIR/<run>/ (summary.json for SpiNNaker, report.json
for printed and threshold).  Used by scripts/demo.sh."""
import json
import os
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def main(out):
    runs = sorted(d for d in os.listdir(out) if os.path.isdir(os.path.join(out, d)))
    spin, printed, thresh = [], [], []
    for run in runs:
        d = os.path.join(out, run)
        if os.path.exists(os.path.join(d, "summary.json")):
            s = load(os.path.join(d, "summary.json"))
            spin.append("| %s | %s | %d | %d | %d | %d -> %d | %d |" % (
                s["network"], s["machine"], s["populations"], s["cores"],
                s["chips"], s["entries_before"], s["entries_after"],
                s["cycles_max_core"]))
        elif os.path.exists(os.path.join(d, "report.json")):
            r = load(os.path.join(d, "report.json"))
            if r.get("target") == "printed":
                a, b = r["approximate"], r["baseline"]
                printed.append(
                    "| %s | %s | %.1f / %.1f / %.1f | %.3f -> %.3f | %.1fx | %.3f | %s |" % (
                        r["model"], r["topology"],
                        100 * r["accuracy"]["float"]["test"],
                        100 * b["accuracy"]["test"], 100 * a["accuracy"]["test"],
                        b["area_cm2"], a["area_cm2"], r["reduction"]["area"],
                        a["power_mW"], "yes" if a["battery_ok"] else "no"))
            elif "netlist" in r:
                n, c = r["netlist"], r.get("cmosBaseline", {})
                ds = r.get("dataset", {})
                thresh.append("| %s | %d, %d | %d | %d | %d | %s | %s | %d | %s |" % (
                    r["model"], r["maxFanIn"], r["maxWeight"],
                    r["beforeLegalization"]["gates"], n["cells"],
                    n["depth"], c.get("cells", "-"),
                    ("%.1fx" % (c["cells"] / n["cells"])) if c else "-",
                    r["tulip"]["cyclesPerClassification"],
                    ("%.4f" % ds["accuracy"]) if ds else "-"))
    if spin:
        print("\nSpiNNaker (cores, chips, routing entries before -> after compression)")
        print("| network | machine | populations | cores | chips | routes | max cycles/tick |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(spin))
    if printed:
        print("\nPrinted (test accuracy % float / exact circuit / approximate circuit, by iverilog; yosys area cm^2)")
        print("| dataset | MLP | accuracy | area exact -> approx | reduction | power mW | battery |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(printed))
    if thresh:
        print("\nThreshold logic: gates before / cells after fan-in legalization (K pins of weight <= W), CMOS baseline cells (yosys + ABC)")
        print("| model | K, W | gates | TLG cells | levels | CMOS cells | CMOS/TLG | TULIP cycles | accuracy |")
        print("|---|---|---|---|---|---|---|---|---|")
        print("\n".join(thresh))


if __name__ == "__main__":
    main(sys.argv[1])
