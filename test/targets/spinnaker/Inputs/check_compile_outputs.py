#!/usr/bin/python3
"""Check an `axonc compile --target=spinnaker*` output folder on its own terms.

Independent of Axon's code: the expected populations (name=neurons) and
neurons per core come from the test, the rest is read back from the files.

usage: check_compile_outputs.py OUTDIR --npc N --pop NAME=NEURONS ...
           [--chips N] [--dead N] [--router-entries N] [--cores-per-chip N]

Checks
  * placements.json: population NAME has exactly ceil(NEURONS / N) vertices
    NAME_0 .. NAME_k (the resource lower bound, fixed slices), no other
    vertices, no two vertices on one core, cores within 1..cores-per-chip-1;
  * summary.json: cores == number of placements, chips == distinct chips used,
    entries_after / longest_table_after == what routing_tables.json holds,
    populations == number of --pop;
  * routing_tables.json: every table within the router limit, at most one
    table per chip;
  * coremap.svg: well-formed XML, one <rect class="chip..."> per chip of the
    machine (--chips), --dead of them dead, and each chip's title gives the
    number of cores placements.json puts on it.
Prints "ok" and exits 0, or the first problem and exits 1.
"""
import argparse
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--npc", type=int, required=True)
    ap.add_argument("--pop", action="append", default=[])
    ap.add_argument("--chips", type=int)
    ap.add_argument("--dead", type=int, default=0)
    ap.add_argument("--router-entries", type=int, default=1023)
    ap.add_argument("--cores-per-chip", type=int, default=18)
    a = ap.parse_args()

    def load(name):
        with open(os.path.join(a.outdir, name)) as f:
            return json.load(f)

    placements = load("placements.json")
    tables = load("routing_tables.json")
    summary = load("summary.json")

    expected = set()
    for spec in a.pop:
        name, n = spec.rsplit("=", 1)
        for i in range(math.ceil(int(n) / a.npc)):
            expected.add("%s_%d" % (name, i))
    labels = [p["vertex_label"] for p in placements]
    if len(labels) != len(set(labels)):
        fail("duplicate vertex labels")
    if set(labels) != expected:
        fail("vertices %s, expected %s" % (sorted(labels), sorted(expected)))
    cores = set()
    per_chip = {}
    for p in placements:
        key = (p["x"], p["y"], p["p"])
        if key in cores:
            fail("two vertices on core %s" % (key,))
        if not 1 <= p["p"] < a.cores_per_chip:
            fail("vertex %s on core %d" % (p["vertex_label"], p["p"]))
        cores.add(key)
        per_chip[(p["x"], p["y"])] = per_chip.get((p["x"], p["y"]), 0) + 1

    if summary["cores"] != len(placements):
        fail("summary cores %d != %d placements" %
             (summary["cores"], len(placements)))
    if summary["chips"] != len(per_chip):
        fail("summary chips %d != %d chips used" %
             (summary["chips"], len(per_chip)))
    if summary["populations"] != len(a.pop):
        fail("summary populations %d != %d" %
             (summary["populations"], len(a.pop)))

    seen = set()
    total = longest = 0
    for t in tables:
        chip = (t["x"], t["y"])
        if chip in seen:
            fail("two tables for chip %s" % (chip,))
        seen.add(chip)
        n = len(t["entries"])
        if n > a.router_entries:
            fail("table of chip %s has %d > %d entries" %
                 (chip, n, a.router_entries))
        total += n
        longest = max(longest, n)
    if summary["entries_after"] != total:
        fail("summary entries_after %d != %d in routing_tables.json" %
             (summary["entries_after"], total))
    if summary["longest_table_after"] != longest:
        fail("summary longest_table_after %d != %d" %
             (summary["longest_table_after"], longest))

    ns = "{http://www.w3.org/2000/svg}"
    root = ET.parse(os.path.join(a.outdir, "coremap.svg")).getroot()
    if root.tag != ns + "svg":
        fail("coremap.svg root is %s" % root.tag)
    chips = [r for r in root.iter(ns + "rect")
             if r.get("class", "").split()[:1] == ["chip"]]
    dead = [r for r in chips if "dead" in r.get("class").split()]
    if a.chips is not None and len(chips) != a.chips:
        fail("coremap.svg has %d chip rects, expected %d" % (len(chips), a.chips))
    if len(dead) != a.dead:
        fail("coremap.svg has %d dead chips, expected %d" % (len(dead), a.dead))
    drawn = {}
    for r in chips:
        title = r.find(ns + "title").text
        m = re.match(r"chip \((\d+), (\d+)\)(?:: (\d+) of \d+ cores)?", title)
        if not m:
            fail("chip title %r" % title)
        chip = (int(m.group(1)), int(m.group(2)))
        if chip in drawn:
            fail("chip %s drawn twice" % (chip,))
        drawn[chip] = int(m.group(3) or 0)
    for chip, n in per_chip.items():
        if drawn.get(chip) != n:
            fail("coremap.svg shows %s cores on chip %s, placements %d" %
                 (drawn.get(chip), chip, n))
    if sum(drawn.values()) != len(placements):
        fail("coremap.svg shows %d cores in all, placements %d" %
             (sum(drawn.values()), len(placements)))
    print("ok")


if __name__ == "__main__":
    main()
