#!/usr/bin/python3
"""check_nir_layout.py - validate a NIR (HDF5) file with h5py, independently of Axon.

Checks FILE against the layout the reference `nir` package reads
(nir/serialization.py `read_node`; docs/formats/nir.md): a scalar UTF-8 string
`/version`, a `/node` group of type "NIRGraph", one group per node with a
`type` string and the fields of its type (float parameters, int64 geometry),
an (N, 2) variable-length string `edges` dataset whose endpoints name nodes.
It then reads every field the way `read_node` does and prints a canonical dump
(one line per node and field, values of small arrays, edges) for FileCheck.

  --complete     also require every NIR 1.0 field Axon's writer emits
                 (v_reset, w_in, conv input_shape, Flatten input_type)
  --compare ORIG check that every node and field of ORIG (nested graphs
                 flattened to "G.B") has the same type, dtype and values in FILE

Exit status 1 (with the problems on stderr) if anything is wrong.
Usage: /usr/bin/python3 scripts/check_nir_layout.py FILE [--complete] [--compare ORIG]
"""

import argparse
import sys

import h5py
import numpy as np

FLOAT = "float"
INT = "int"
PAD = "padding"  # int or "same"/"valid"
REQUIRED = {
    "Input": {"shape": INT}, "Output": {"shape": INT},
    "Affine": {"weight": FLOAT, "bias": FLOAT}, "Linear": {"weight": FLOAT},
    "Scale": {"scale": FLOAT},
    "Conv1d": {"weight": FLOAT, "bias": FLOAT, "stride": INT, "padding": PAD,
               "dilation": INT, "groups": INT},
    "Conv2d": {"weight": FLOAT, "bias": FLOAT, "stride": INT, "padding": PAD,
               "dilation": INT, "groups": INT},
    "SumPool2d": {"kernel_size": INT, "stride": INT, "padding": INT},
    "AvgPool2d": {"kernel_size": INT, "stride": INT, "padding": INT},
    "Flatten": {"start_dim": INT, "end_dim": INT}, "Delay": {"delay": FLOAT},
    "Threshold": {"threshold": FLOAT}, "I": {"r": FLOAT},
    "IF": {"r": FLOAT, "v_threshold": FLOAT},
    "LI": {"tau": FLOAT, "r": FLOAT, "v_leak": FLOAT},
    "LIF": {"tau": FLOAT, "r": FLOAT, "v_leak": FLOAT, "v_threshold": FLOAT},
    "CubaLI": {"tau_syn": FLOAT, "tau_mem": FLOAT, "r": FLOAT, "v_leak": FLOAT},
    "CubaLIF": {"tau_syn": FLOAT, "tau_mem": FLOAT, "r": FLOAT, "v_leak": FLOAT,
                "v_threshold": FLOAT},
    "NIRGraph": {},
}
COMPLETE = {"IF": {"v_reset": FLOAT}, "LIF": {"v_reset": FLOAT},
            "CubaLI": {"w_in": FLOAT}, "CubaLIF": {"v_reset": FLOAT, "w_in": FLOAT},
            "Conv1d": {"input_shape": INT}, "Conv2d": {"input_shape": INT},
            "Flatten": {"input_type": INT}}
WEIGHT_RANK = {"Affine": 2, "Linear": 2, "Conv1d": 3, "Conv2d": 4}
SCALAR_INTS = {"groups", "start_dim", "end_dim"}


class Checker:
    def __init__(self, complete):
        self.complete = complete
        self.problems = []
        self.lines = []

    def problem(self, text):
        self.problems.append(text)

    def string(self, ds, where):
        info = h5py.check_string_dtype(ds.dtype)
        if info is None:
            self.problem("%s: not a string dataset (%s)" % (where, ds.dtype))
            return None
        if info.length is not None or info.encoding != "utf-8":
            self.problem("%s: string is not variable-length UTF-8" % where)
        value = ds[()]
        return value.decode("utf8") if isinstance(value, bytes) else str(value)

    def field(self, node, name, kind, where):
        if name not in node:
            self.problem("%s: missing '%s'" % (where, name))
            return
        ds = node[name]
        if not isinstance(ds, h5py.Dataset):
            self.problem("%s/%s: not a dataset" % (where, name))
            return
        value = ds[()]  # what read_node does
        if kind == PAD and h5py.check_string_dtype(ds.dtype) is not None:
            value = self.string(ds, where + "/" + name)
            if value not in ("same", "valid"):
                self.problem("%s/%s: padding string %r" % (where, name, value))
            self.lines.append("  %s str %s" % (name, value))
            return
        want = np.floating if kind == FLOAT else np.integer
        if not np.issubdtype(ds.dtype, want):
            self.problem("%s/%s: dtype %s, expected %s" % (where, name, ds.dtype, kind))
        if kind != FLOAT and ds.dtype != np.int64:
            self.problem("%s/%s: integer fields are int64, got %s" % (where, name, ds.dtype))
        if name in SCALAR_INTS and ds.shape not in ((), (1,)):
            self.problem("%s/%s: expected a scalar, got shape %s" % (where, name, ds.shape))
        arr = np.asarray(value)
        shown = " " + np.array2string(arr.ravel(), precision=9, separator=",") \
            if arr.size <= 8 else ""
        self.lines.append("  %s %s %s%s" % (name, ds.dtype, list(ds.shape), shown))

    def node(self, group, name, where):
        if not isinstance(group, h5py.Group) or "type" not in group:
            self.problem("%s: not a node group with a 'type'" % where)
            return None
        kind = self.string(group["type"], where + "/type")
        if kind not in REQUIRED:
            self.problem("%s: unknown type %r" % (where, kind))
            return kind
        self.lines.append("node %s %s" % (name, kind))
        fields = dict(REQUIRED[kind])
        if self.complete:
            fields.update(COMPLETE.get(kind, {}))
        for field in sorted(fields):
            self.field(group, field, fields[field], where)
        if kind in WEIGHT_RANK and "weight" in group and \
                group["weight"].ndim != WEIGHT_RANK[kind]:
            self.problem("%s/weight: rank %d" % (where, group["weight"].ndim))
        if kind == "NIRGraph":
            self.graph(group, name + "." if name else "", where)
        return kind

    def graph(self, group, prefix, where):
        if "nodes" not in group or not isinstance(group["nodes"], h5py.Group):
            self.problem("%s: no 'nodes' group" % where)
            return
        names = sorted(group["nodes"].keys())
        for name in names:
            self.node(group["nodes"][name], prefix + name, "%s/nodes/%s" % (where, name))
        if "edges" not in group:
            self.problem("%s: no 'edges'" % where)
            return
        edges = group["edges"]
        if edges.ndim != 2 or edges.shape[1] != 2:
            self.problem("%s/edges: shape %s, expected (N, 2)" % (where, edges.shape))
            return
        info = h5py.check_string_dtype(edges.dtype)
        if info is None or info.length is not None or info.encoding != "utf-8":
            self.problem("%s/edges: not variable-length UTF-8 strings" % where)
            return
        for a, b in edges[()]:
            a, b = a.decode("utf8"), b.decode("utf8")
            for end in (a, b):
                if end not in names and end.split(".")[0] not in names:
                    self.problem("%s/edges: %r is not a node" % (where, end))
            self.lines.append("edge %s%s -> %s%s" % (prefix, a, prefix, b))

    def file(self, path):
        with h5py.File(path, "r") as f:
            if "version" not in f:
                self.problem("no /version")
            else:
                self.lines.append("version %s" % self.string(f["version"], "/version"))
            if "node" not in f:
                self.problem("no /node")
                return
            kind = self.node(f["node"], "", "/node")
            if kind != "NIRGraph":
                self.problem("/node: type %r, expected NIRGraph" % kind)
            meta = f["node"].get("metadata")
            if isinstance(meta, h5py.Group) and "name" in meta:
                self.lines.append("metadata name %s" % self.string(meta["name"], "metadata"))
        self.lines = [line for line in self.lines if line != "node  NIRGraph"]


def flatten(group, prefix, out, depth=0):
    """name -> node group of every non-graph node; sub-graph ports skipped."""
    for name, node in group["nodes"].items():
        kind = node["type"][()].decode("utf8")
        if kind == "NIRGraph":
            flatten(node, prefix + name + ".", out, depth + 1)
        elif not (depth > 0 and kind in ("Input", "Output")):
            out[prefix + name] = node


def compare(path, orig_path):
    """Problems where FILE does not hold ORIG's nodes and values."""
    problems = []
    with h5py.File(orig_path, "r") as fo, h5py.File(path, "r") as fn:
        orig, new = {}, {}
        flatten(fo["node"], "", orig)
        flatten(fn["node"], "", new)
        if sorted(orig) != sorted(new):
            problems.append("nodes differ: %s vs %s" % (sorted(orig), sorted(new)))
        for name in sorted(set(orig) & set(new)):
            a, b = orig[name], new[name]
            if a["type"][()] != b["type"][()]:
                problems.append("%s: type %s vs %s" % (name, a["type"][()], b["type"][()]))
                continue
            kind = a["type"][()].decode("utf8")
            for field, ds in a.items():
                if field in ("type", "metadata") or not isinstance(ds, h5py.Dataset):
                    continue
                if field not in REQUIRED[kind] and field not in COMPLETE.get(kind, {}) \
                        and field not in ("v_reset", "w_in"):
                    continue
                if field not in b:
                    problems.append("%s/%s: missing" % (name, field))
                    continue
                if h5py.check_string_dtype(ds.dtype) is not None:
                    continue  # padding "same"/"valid" is written as numbers
                x, y = np.asarray(ds[()]), np.asarray(b[field][()])
                if np.issubdtype(x.dtype, np.floating) and x.dtype != y.dtype:
                    problems.append("%s/%s: dtype %s vs %s" % (name, field, x.dtype, y.dtype))
                if field == "shape" and kind == "Output" and np.prod(x) == np.prod(y):
                    continue  # the reader may normalize an Output's stored shape
                if x.shape != y.shape and x.size == 1:
                    x = np.broadcast_to(x.reshape(()), y.shape)
                if x.shape != y.shape or not np.array_equal(x, y):
                    problems.append("%s/%s: %s vs %s" % (name, field, x.tolist(), y.tolist()))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--complete", action="store_true")
    parser.add_argument("--compare")
    args = parser.parse_args()
    checker = Checker(args.complete)
    try:
        checker.file(args.file)
    except (OSError, KeyError, ValueError) as err:
        checker.problem("cannot read: %s" % err)
    if args.compare:
        checker.problems += compare(args.file, args.compare)
    print("\n".join(checker.lines))
    for text in checker.problems:
        print("problem: " + text, file=sys.stderr)
    print("layout %s" % ("ok" if not checker.problems else "BAD"))
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
