#!/usr/bin/python3
"""gen_nir_fixtures.py - write the NIR (HDF5) import fixtures for Axon.

Writes small, deterministic NIR files to test/Import/nir/Inputs/ in exactly the
layout the reference `nir` Python package writes (nir.write / nir.serialization):

  /version                     scalar variable-length UTF-8 string ("1.0.0")
  /node/type                   "NIRGraph"
  /node/nodes/<name>/type      node type string
  /node/nodes/<name>/<field>   one dataset per field (numpy dtype preserved)
  /node/edges                  (N, 2) variable-length UTF-8 strings (source, target)
  /node/metadata/...           optional, ignored by readers

The `nir` package itself is not installed here; this script re-implements its
writer (write_recursive) with h5py so that the bytes match what nir.write
produces. The layout is documented in docs/formats/nir.md; manifest.json (also
generated) lists every fixture with its node types, shapes and, for bad files,
the single defect it carries.

Usage: /usr/bin/python3 scripts/gen_nir_fixtures.py [--out DIR] [--check]
Re-running produces byte-identical files (no timestamps, fixed seeds).
"""

import argparse
import json
import os
import sys

import h5py
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "test", "Import", "nir", "Inputs")
VERSION = "1.0.0"
F32 = np.float32
F64 = np.float64


# --------------------------------------------------------------------------
# Writer: mirrors nir.serialization.write / write_recursive.
# --------------------------------------------------------------------------
class Gzip:
    """Marks an ndarray to be written with compression="gzip" (NIR >= 1.0 default)."""

    def __init__(self, array):
        self.array = array


def _write_recursive(group, node, gzip_all):
    for key, value in node.items():
        if isinstance(value, dict):
            _write_recursive(group.create_group(str(key)), value, gzip_all)
        elif isinstance(value, str):
            group.create_dataset(key, data=value, dtype=h5py.string_dtype())
        elif isinstance(value, Gzip) or (gzip_all and isinstance(value, np.ndarray)
                                         and value.ndim > 0):
            arr = value.array if isinstance(value, Gzip) else value
            group.create_dataset(key, data=arr, dtype=arr.dtype,
                                 compression="gzip", compression_opts=4)
        elif isinstance(value, np.ndarray):
            group.create_dataset(key, data=value, dtype=value.dtype)
        elif isinstance(value, Edges):
            data = np.array(value.pairs, dtype=object).reshape(len(value.pairs), 2)
            group.create_dataset(key, data=data, dtype=h5py.string_dtype())
        else:  # python int / float / tuple, as nir.write does for non-ndarrays
            group.create_dataset(key, data=value)


class Edges:
    def __init__(self, pairs):
        self.pairs = [(str(a), str(b)) for a, b in pairs]


def write_nir(path, graph, version=VERSION, gzip_all=False):
    """graph: dict with 'nodes' (name -> node dict) and 'edges' (list of pairs)."""
    with h5py.File(path, "w") as f:
        if version is not None:
            f.create_dataset("version", data=version, dtype=h5py.string_dtype())
        _write_recursive(f.create_group("node"), to_tree(graph), gzip_all)


def to_tree(graph):
    """Converts a graph dict into the dict-of-datasets tree nir.write produces."""
    tree = {"type": "NIRGraph"}
    nodes = {}
    for name, node in graph["nodes"].items():
        nodes[name] = to_tree(node) if node.get("type") == "NIRGraph" else node
    tree["nodes"] = nodes
    if "edges" in graph:
        tree["edges"] = Edges(graph["edges"])
    if graph.get("metadata"):
        tree["metadata"] = graph["metadata"]
    return tree


# --------------------------------------------------------------------------
# Node constructors (field names as in nir/ir/*.py and nir/serialization.py).
# --------------------------------------------------------------------------
def shape(*dims):
    return np.array(dims, dtype=np.int64)


def n_input(*dims):
    return {"type": "Input", "shape": shape(*dims)}


def n_output(*dims):
    return {"type": "Output", "shape": shape(*dims)}


def n_affine(w, b):
    return {"type": "Affine", "weight": w, "bias": b}


def n_linear(w):
    return {"type": "Linear", "weight": w}


def n_lif(tau, r, v_leak, v_threshold, v_reset=None):
    node = {"type": "LIF", "tau": tau, "r": r, "v_leak": v_leak,
            "v_threshold": v_threshold}
    if v_reset is not None:
        node["v_reset"] = v_reset
    return node


def n_li(tau, r, v_leak):
    return {"type": "LI", "tau": tau, "r": r, "v_leak": v_leak}


def n_cuba_lif(tau_syn, tau_mem, r, v_leak, v_threshold, v_reset, w_in):
    return {"type": "CubaLIF", "tau_syn": tau_syn, "tau_mem": tau_mem, "r": r,
            "v_leak": v_leak, "v_threshold": v_threshold, "v_reset": v_reset,
            "w_in": w_in}


def full(n, value, dtype):
    return np.full((n,), value, dtype=dtype)


def chain(*names):
    return [(names[i], names[i + 1]) for i in range(len(names) - 1)]


def rand(rng, dims, dtype, scale=1.0):
    # Rounded to 1/64 so the values are exact in float32 and easy to read back.
    return (np.round(rng.standard_normal(dims) * scale * 64) / 64).astype(dtype)


def simple(node_name, node, in_dims, out_dims):
    return {"nodes": {"input": n_input(*in_dims), node_name: node,
                      "output": n_output(*out_dims)},
            "edges": chain("input", node_name, "output")}


# --------------------------------------------------------------------------
# Good fixtures: one per node type.
# --------------------------------------------------------------------------
def good_fixtures():
    rng = np.random.default_rng(1234)
    fx = {}

    # Affine: float32, with graph-level metadata (readers must ignore it).
    g = simple("affine", n_affine(rand(rng, (4, 3), F32), rand(rng, (4,), F32)),
               (3,), (4,))
    g["metadata"] = {"producer": "axon scripts/gen_nir_fixtures.py",
                     "note": "metadata groups are optional and ignored"}
    fx["affine.nir"] = (g, {}, "Input[3] -> Affine(W[4,3], b[4], f32) -> Output[4]; "
                        "graph-level metadata group")

    fx["linear.nir"] = (simple("linear", n_linear(rand(rng, (2, 3), F64)), (3,), (2,)),
                        {}, "Input[3] -> Linear(W[2,3], f64) -> Output[2]")
    fx["scale.nir"] = (simple("scale", {"type": "Scale",
                                        "scale": np.array([0.5, -1.0, 2.0, 0.25], F32)},
                              (4,), (4,)),
                       {}, "Input[4] -> Scale([4], f32) -> Output[4]")

    # Conv1d as exported from torch: stride/padding/dilation are 1-tuples -> int64[1].
    conv1d = {"type": "Conv1d", "input_shape": np.int64(8),
              "weight": rand(rng, (3, 2, 3), F32), "stride": (1,), "padding": (1,),
              "dilation": (1,), "groups": 1, "bias": rand(rng, (3,), F32)}
    fx["conv1d.nir"] = (simple("conv", conv1d, (2, 8), (3, 8)), {},
                        "Input[2,8] -> Conv1d(W[3,2,3], stride (1,), padding (1,)) -> Output[3,8]")

    # Conv1d with plain int (scalar) stride/padding/dilation and no input_shape.
    conv1d_int = {"type": "Conv1d", "weight": rand(rng, (2, 1, 3), F64), "stride": 2,
                  "padding": 2, "dilation": 2, "groups": 1,
                  "bias": np.array([0.5, -0.5], F64)}
    # L = floor((9 + 2*2 - 2*(3-1) - 1)/2 + 1) = 5
    fx["conv1d_pad_int.nir"] = (simple("conv", conv1d_int, (1, 9), (2, 5)), {},
                                "Input[1,9] -> Conv1d(W[2,1,3], scalar stride 2, padding 2, "
                                "dilation 2, f64, no input_shape) -> Output[2,5]")

    # Conv2d with 2-tuples (what nir.Conv2d.__post_init__ stores), gzip-compressed.
    conv2d = {"type": "Conv2d", "input_shape": shape(6, 6),
              "weight": rand(rng, (4, 2, 3, 3), F32), "stride": (2, 2),
              "padding": (1, 1), "dilation": (1, 1), "groups": 1,
              "bias": rand(rng, (4,), F32)}
    # H = W = floor((6 + 2 - 2 - 1)/2 + 1) = 3
    fx["conv2d.nir"] = (simple("conv", conv2d, (2, 6, 6), (4, 3, 3)), {"gzip_all": True},
                        "Input[2,6,6] -> Conv2d(W[4,2,3,3], stride (2,2), padding (1,1)) "
                        "-> Output[4,3,3]; arrays gzip-compressed")

    conv_same = {"type": "Conv2d", "input_shape": shape(5, 5),
                 "weight": rand(rng, (4, 2, 3, 3), F32), "stride": (1, 1),
                 "padding": "same", "dilation": (1, 1), "groups": 2,
                 "bias": np.zeros(4, F32)}
    fx["conv2d_pad_same.nir"] = (simple("conv", conv_same, (4, 5, 5), (4, 5, 5)), {},
                                 "Input[4,5,5] -> Conv2d(W[4,2,3,3], groups 2, padding "
                                 "\"same\") -> Output[4,5,5]")

    conv_valid = {"type": "Conv2d", "input_shape": shape(5, 4),
                  "weight": rand(rng, (2, 1, 3, 2), F64), "stride": (1, 2),
                  "padding": "valid", "dilation": (1, 1), "groups": 1,
                  "bias": np.array([0.0, 1.0], F64)}
    # H = 5 - 3 + 1 = 3; W = floor((4 - 2)/2 + 1) = 2
    fx["conv2d_pad_valid.nir"] = (simple("conv", conv_valid, (1, 5, 4), (2, 3, 2)), {},
                                  "Input[1,5,4] -> Conv2d(W[2,1,3,2], stride (1,2), padding "
                                  "\"valid\", f64) -> Output[2,3,2]")

    fx["sum_pool2d.nir"] = (simple("pool", {"type": "SumPool2d", "kernel_size": shape(2, 2),
                                            "stride": shape(2, 2), "padding": shape(0, 0)},
                                   (2, 4, 4), (2, 2, 2)), {},
                            "Input[2,4,4] -> SumPool2d(k 2x2, s 2x2, p 0) -> Output[2,2,2]")
    # H = W = floor((6 + 2 - 3)/2 + 1) = 3
    fx["avg_pool2d.nir"] = (simple("pool", {"type": "AvgPool2d", "kernel_size": shape(3, 3),
                                            "stride": shape(2, 2), "padding": shape(1, 1)},
                                   (1, 6, 6), (1, 3, 3)), {},
                            "Input[1,6,6] -> AvgPool2d(k 3x3, s 2x2, p 1x1) -> Output[1,3,3]")

    flatten = {"type": "Flatten", "start_dim": 0, "end_dim": -1, "input_type": shape(2, 3, 4)}
    fx["flatten.nir"] = (simple("flatten", flatten, (2, 3, 4), (24,)), {},
                         "Input[2,3,4] -> Flatten(start_dim 0, end_dim -1) -> Output[24]")

    fx["delay.nir"] = (simple("delay", {"type": "Delay",
                                        "delay": np.array([0.001, 0.002, 0.0], F64)},
                              (3,), (3,)), {}, "Input[3] -> Delay([3] seconds, f64) -> Output[3]")
    fx["threshold.nir"] = (simple("thr", {"type": "Threshold",
                                          "threshold": np.array([0.5, 1.0, 1.5], F32)},
                                  (3,), (3,)), {}, "Input[3] -> Threshold([3], f32) -> Output[3]")
    fx["i.nir"] = (simple("integrator", {"type": "I", "r": np.array([1.0, 2.0], F64)},
                          (2,), (2,)), {}, "Input[2] -> I(r[2], f64) -> Output[2]")
    fx["if.nir"] = (simple("if", {"type": "IF", "r": np.array([1.0, 1.0, 2.0], F32),
                                  "v_threshold": np.array([1.0, 0.5, 1.0], F32),
                                  "v_reset": np.array([0.0, 0.0, -0.5], F32)},
                           (3,), (3,)), {}, "Input[3] -> IF(r, v_threshold, v_reset [3], f32) -> Output[3]")
    fx["li.nir"] = (simple("li", n_li(np.array([0.01, 0.02], F64), np.array([1.0, 1.0], F64),
                                      np.array([0.0, 0.1], F64)), (2,), (2,)), {},
                    "Input[2] -> LI(tau, r, v_leak [2], f64) -> Output[2]")

    lif = n_lif(full(3, 0.0025, F32), full(3, 1.0, F32), full(3, 0.0, F32),
                np.array([0.1, 0.2, 0.3], F32), full(3, 0.0, F32))
    lif_graph = {"nodes": {"input": n_input(2), "affine": n_affine(rand(rng, (3, 2), F32),
                                                                   np.zeros(3, F32)),
                           "lif": lif, "output": n_output(3)},
                 "edges": chain("input", "affine", "lif", "output")}
    fx["lif.nir"] = (lif_graph, {}, "Input[2] -> Affine(W[3,2]) -> LIF(tau, r, v_leak, "
                     "v_threshold, v_reset [3], f32) -> Output[3]")
    fx["lif_gzip.nir"] = (lif_graph, {"gzip_all": True},
                          "same graph and values as lif.nir, every array gzip-compressed")

    cuba_li = {"type": "CubaLI", "tau_syn": np.array([0.005, 0.005], F64),
               "tau_mem": np.array([0.01, 0.02], F64), "r": np.array([1.0, 1.0], F64),
               "v_leak": np.array([0.0, 0.0], F64), "w_in": np.array([1.0, 2.0], F64)}
    fx["cuba_li.nir"] = (simple("cuba_li", cuba_li, (2,), (2,)), {},
                         "Input[2] -> CubaLI(tau_syn, tau_mem, r, v_leak, w_in [2], f64) -> Output[2]")

    cuba_lif = n_cuba_lif(full(3, 0.005, F32), full(3, 0.01, F32), full(3, 1.0, F32),
                          full(3, 0.0, F32), full(3, 1.0, F32), full(3, 0.0, F32),
                          full(3, 1.0, F32))
    fx["cuba_lif.nir"] = ({"nodes": {"input": n_input(2), "linear": n_linear(rand(rng, (3, 2), F32)),
                                     "cuba_lif": cuba_lif, "output": n_output(3)},
                           "edges": chain("input", "linear", "cuba_lif", "output")}, {},
                          "Input[2] -> Linear(W[3,2]) -> CubaLIF([3], f32) -> Output[3]")

    fx.update(composite_fixtures(rng))
    return fx


def composite_fixtures(rng):
    fx = {}
    # Per-layer scalars: shape [1] and shape () parameters broadcast to the
    # population size (NIR issue #176). The LIF size (4) is fixed by its
    # v_threshold and by the Affine feeding it; the LI size (2) only by the
    # Affine feeding it.
    lif = n_lif(np.array([0.01], F32), np.float32(1.0), np.array([0.0], F32),
                np.array([1.0, 1.0, 0.5, 0.5], F32), np.array([0.0], F32))
    li = n_li(np.array([0.02], F64), np.array([1.0], F64), np.array([0.0], F64))
    fx["scalar_params.nir"] = (
        {"nodes": {"input": n_input(3), "affine1": n_affine(rand(rng, (4, 3), F32), np.zeros(4, F32)),
                   "lif": lif, "affine2": n_affine(rand(rng, (2, 4), F64), np.zeros(2, F64)),
                   "li": li, "output": n_output(2)},
         "edges": chain("input", "affine1", "lif", "affine2", "li", "output")}, {},
        "Input[3] -> Affine[4,3] -> LIF(tau [1], r scalar (), v_leak [1], v_threshold [4], "
        "v_reset [1]) -> Affine[2,4] -> LI(all [1]) -> Output[2]")

    na, nb = 8, 4
    pop_a = n_cuba_lif(full(na, 0.005, F32), full(na, 0.02, F32), full(na, 1.0, F32),
                       full(na, 0.0, F32), full(na, 1.0, F32), full(na, 0.0, F32), full(na, 1.0, F32))
    pop_b = n_cuba_lif(full(nb, 0.004, F32), full(nb, 0.01, F32), full(nb, 1.0, F32),
                       full(nb, 0.0, F32), full(nb, 0.8, F32), full(nb, 0.0, F32), full(nb, 1.0, F32))
    rec = rand(rng, (na, na), F32, 0.3)
    np.fill_diagonal(rec, 0.0)
    nodes = {"input": n_input(2),
             "affine_in": n_affine(rand(rng, (na, 2), F32), np.zeros(na, F32)),
             "cuba_lif_a": pop_a,
             "affine_rec": n_affine(rec, np.zeros(na, F32)),
             "affine_ab": n_affine(rand(rng, (nb, na), F32, 0.5), np.zeros(nb, F32)),
             "cuba_lif_b": pop_b,
             "affine_ba": n_affine(rand(rng, (na, nb), F32, 0.5), np.zeros(na, F32)),
             "affine_out": n_affine(rand(rng, (3, nb), F32), np.zeros(3, F32)),
             "li": n_li(full(3, 0.02, F32), full(3, 1.0, F32), full(3, 0.0, F32)),
             "output": n_output(3)}
    edges = [("input", "affine_in"), ("affine_in", "cuba_lif_a"),
             ("cuba_lif_a", "affine_rec"), ("affine_rec", "cuba_lif_a"),
             ("cuba_lif_a", "affine_ab"), ("affine_ab", "cuba_lif_b"),
             ("cuba_lif_b", "affine_ba"), ("affine_ba", "cuba_lif_a"),
             ("cuba_lif_b", "affine_out"), ("affine_out", "li"), ("li", "output")]
    fx["recurrent_cuba_lif.nir"] = (
        {"nodes": nodes, "edges": edges}, {},
        "Input[2] -> Affine -> CubaLIF A[8] with self-recurrent Affine[8,8] (zero diagonal) and "
        "lateral A->B (Affine[4,8]) / B->A (Affine[8,4]) with CubaLIF B[4]; B -> Affine[3,4] -> "
        "LI[3] -> Output[3]")

    sub = {"type": "NIRGraph",
           "nodes": {"in": n_input(4), "linear": n_linear(rand(rng, (4, 4), F64)),
                     "lif": n_lif(full(4, 0.01, F64), full(4, 1.0, F64), full(4, 0.0, F64),
                                  full(4, 1.0, F64), full(4, 0.0, F64)),
                     "out": n_output(4)},
           "edges": chain("in", "linear", "lif", "out")}
    fx["nested.nir"] = (
        {"nodes": {"input": n_input(3), "affine_in": n_affine(rand(rng, (4, 3), F64), np.zeros(4, F64)),
                   "G": sub, "affine_out": n_affine(rand(rng, (2, 4), F64), np.zeros(2, F64)),
                   "output": n_output(2)},
         "edges": [("input", "affine_in"), ("affine_in", "G.in"), ("G.out", "affine_out"),
                   ("affine_out", "output")]}, {},
        "Input[3] -> Affine[4,3] -> G.in; sub-graph G = {in[4] -> Linear[4,4] -> LIF[4] -> "
        "out[4]}; G.out -> Affine[2,4] -> Output[2]")

    # NIR 0.1.x-style LIF (like lif_norse.nir): no v_reset, shape [1], version 0.1.1.
    old = {"nodes": {"input": n_input(1), "0": n_affine(np.array([[1.0]], F32), np.array([0.0], F32)),
                     "1": n_lif(np.array([0.0025], F32), np.array([1.0], F32), np.array([0.0], F32),
                                np.array([0.1], F32)),
                     "output": n_output(1)},
           "edges": chain("input", "0", "1", "output")}
    fx["old_lif_no_v_reset.nir"] = (old, {"version": "0.1.1"},
                                    "NIR 0.1.1 style: Input[1] -> Affine -> LIF without v_reset "
                                    "(default 0) -> Output[1]")

    # A small spiking CNN: conv -> IF -> sum pool -> flatten -> affine -> LIF.
    cnn = {"nodes": {
        "input": n_input(1, 6, 6),
        "conv": {"type": "Conv2d", "input_shape": shape(6, 6), "weight": rand(rng, (2, 1, 3, 3), F32),
                 "stride": (1, 1), "padding": (1, 1), "dilation": (1, 1), "groups": 1,
                 "bias": np.zeros(2, F32)},
        "if": {"type": "IF", "r": np.ones((2, 6, 6), F32), "v_threshold": np.ones((2, 6, 6), F32),
               "v_reset": np.zeros((2, 6, 6), F32)},
        "pool": {"type": "SumPool2d", "kernel_size": shape(2, 2), "stride": shape(2, 2),
                 "padding": shape(0, 0)},
        "flatten": {"type": "Flatten", "start_dim": 0, "end_dim": -1, "input_type": shape(2, 3, 3)},
        "affine": n_affine(rand(rng, (3, 18), F32), np.zeros(3, F32)),
        "lif": n_lif(full(3, 0.01, F32), full(3, 1.0, F32), full(3, 0.0, F32), full(3, 1.0, F32),
                     full(3, 0.0, F32)),
        "output": n_output(3)},
        "edges": chain("input", "conv", "if", "pool", "flatten", "affine", "lif", "output")}
    fx["cnn_if.nir"] = (cnn, {}, "Input[1,6,6] -> Conv2d(2,3x3,p1) -> IF[2,6,6] -> SumPool2d(2) -> "
                        "Flatten -> Affine[3,18] -> LIF[3] -> Output[3]")
    return fx


# --------------------------------------------------------------------------
# Bad fixtures: each wrong in exactly one way.
# --------------------------------------------------------------------------
def _good_lif_graph():
    return {"nodes": {"input": n_input(2),
                      "affine": n_affine(np.array([[1.0, 0.5], [0.25, -1.0], [0.0, 2.0]], F32),
                                         np.zeros(3, F32)),
                      "lif": n_lif(full(3, 0.01, F32), full(3, 1.0, F32), full(3, 0.0, F32),
                                   full(3, 1.0, F32), full(3, 0.0, F32)),
                      "output": n_output(3)},
            "edges": chain("input", "affine", "lif", "output")}


def bad_fixtures():
    fx = {}
    g = _good_lif_graph()
    del g["nodes"]["lif"]["tau"]
    fx["bad_missing_dataset.nir"] = (g, {}, "LIF node 'lif' has no 'tau' dataset")

    g = _good_lif_graph()
    g["nodes"]["lif"]["tau"] = "0.01"
    fx["bad_dtype.nir"] = (g, {}, "LIF 'tau' is a string dataset, not a float array")

    g = _good_lif_graph()
    g["nodes"]["affine"]["weight"] = np.array([1.0, 0.5, 0.25], F32)
    g["nodes"]["lif"] = n_lif(full(3, 0.01, F32), full(3, 1.0, F32), full(3, 0.0, F32),
                              full(3, 1.0, F32), full(3, 0.0, F32))
    fx["bad_rank.nir"] = (g, {}, "Affine 'weight' has rank 1 (shape [3]); it must be rank 2")

    g = _good_lif_graph()
    g["nodes"]["lif"] = {"type": "Spiral", "tau": full(3, 0.01, F32)}
    fx["bad_unknown_type.nir"] = (g, {}, "node 'lif' has unknown type \"Spiral\"")

    g = _good_lif_graph()
    g["edges"] = [("input", "affine"), ("affine", "lif"), ("lif", "ghost"), ("lif", "output")]
    fx["bad_edge_missing_node.nir"] = (g, {}, "edge lif -> ghost names a node that does not exist")

    g = _good_lif_graph()
    g["nodes"]["affine"] = n_affine(np.ones((4, 2), F32), np.zeros(4, F32))
    fx["bad_shape_mismatch.nir"] = (g, {}, "Affine produces 4 values but feeds LIF of size 3")

    fx["bad_no_version.nir"] = (_good_lif_graph(), {"version": None},
                                "no root 'version' dataset")

    g = _good_lif_graph()
    del g["edges"]
    fx["bad_no_edges.nir"] = (g, {}, "no 'node/edges' dataset")
    return fx


def write_raw_bad_files(out):
    """Files that are not (valid) HDF5 at all."""
    with open(os.path.join(out, "bad_not_hdf5.nir"), "w") as f:
        f.write("This is a plain text file, not HDF5.\nversion = 1.0.0\n")
    with open(os.path.join(out, "lif.nir"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "bad_truncated.nir"), "wb") as f:
        f.write(data[: len(data) // 2])
    return {"bad_not_hdf5.nir": "plain text, no HDF5 signature",
            "bad_truncated.nir": "first half (%d of %d bytes) of lif.nir" % (len(data) // 2, len(data))}


# --------------------------------------------------------------------------
# Independent structural checker (used by --check and to build the manifest).
# --------------------------------------------------------------------------
FIELDS = {
    "Input": ["shape"], "Output": ["shape"], "Affine": ["weight", "bias"], "Linear": ["weight"],
    "Scale": ["scale"], "Conv1d": ["weight", "stride", "padding", "dilation", "groups", "bias"],
    "Conv2d": ["weight", "stride", "padding", "dilation", "groups", "bias"],
    "SumPool2d": ["kernel_size", "stride", "padding"], "AvgPool2d": ["kernel_size", "stride", "padding"],
    "Flatten": ["start_dim", "end_dim"], "Delay": ["delay"], "Threshold": ["threshold"],
    "I": ["r"], "IF": ["r", "v_threshold"], "LI": ["tau", "r", "v_leak"],
    "LIF": ["tau", "r", "v_leak", "v_threshold"],
    "CubaLI": ["tau_syn", "tau_mem", "r", "v_leak"],
    "CubaLIF": ["tau_syn", "tau_mem", "r", "v_leak", "v_threshold"],
    "NIRGraph": ["nodes", "edges"],
}
FLOAT_FIELDS = {"weight", "bias", "scale", "delay", "threshold", "r", "tau", "v_leak",
                "v_threshold", "v_reset", "tau_syn", "tau_mem", "w_in"}


def _describe(group):
    """Returns (node summaries, problems) for one NIRGraph group."""
    problems, nodes = [], {}
    for field in FIELDS["NIRGraph"]:
        if field not in group:
            problems.append("graph %s: missing '%s'" % (group.name, field))
    if "nodes" not in group:
        return nodes, problems
    for name, node in group["nodes"].items():
        kind = node["type"][()].decode() if "type" in node else None
        info = {"type": kind}
        if kind not in FIELDS:
            problems.append("node %s: unknown type %r" % (name, kind))
            nodes[name] = info
            continue
        for field in FIELDS[kind]:
            if field not in node:
                problems.append("node %s: missing '%s'" % (name, field))
        for field, ds in node.items():
            if not isinstance(ds, h5py.Dataset) or field == "type":
                continue
            if h5py.check_string_dtype(ds.dtype):
                val = ds[()]
                info[field] = val.decode() if isinstance(val, bytes) else str(val)
                if field in FLOAT_FIELDS:
                    problems.append("node %s: '%s' is a string" % (name, field))
                continue
            info[field] = {"shape": list(ds.shape), "dtype": str(ds.dtype)}
            if ds.compression:
                info[field]["compression"] = ds.compression
            if field in ("shape", "input_shape", "stride", "padding", "dilation", "groups",
                         "kernel_size", "start_dim", "end_dim", "input_type"):
                info[field]["value"] = np.asarray(ds[()]).tolist()
        if kind in ("Affine", "Linear") and "weight" in node and node["weight"].ndim != 2:
            problems.append("node %s: weight rank %d" % (name, node["weight"].ndim))
        if kind == "NIRGraph":
            sub_nodes, sub_problems = _describe(node)
            info["nodes"] = sub_nodes
            problems += sub_problems
        nodes[name] = info
    if "edges" in group:
        for a, b in group["edges"][()]:
            for end in (a.decode(), b.decode()):
                if end.split(".")[0] not in nodes:
                    problems.append("edge endpoint %r is not a node" % end)
    return nodes, problems


def _out_size(node):
    """Output size of a 1-D node (or None when not inferable here)."""
    if node["type"] in ("Affine", "Linear"):
        return node["weight"]["shape"][0]
    return None


def _in_size(node):
    if node["type"] in ("LIF", "LI", "CubaLIF", "CubaLI", "IF", "I"):
        sizes = [v["shape"][0] for k, v in node.items()
                 if isinstance(v, dict) and v.get("shape") and k in FLOAT_FIELDS]
        big = [s for s in sizes if s > 1]
        return max(big) if big else None
    return None


def check_file(path):
    try:
        with h5py.File(path, "r") as f:
            problems = [] if "version" in f else ["missing root 'version'"]
            if "node" not in f:
                return None, problems + ["missing 'node'"]
            nodes, p = _describe(f["node"])
            problems += p
            if "edges" in f["node"]:
                for a, b in f["node/edges"][()]:
                    a, b = a.decode(), b.decode()
                    if a in nodes and b in nodes:
                        o, i = _out_size(nodes[a]), _in_size(nodes[b])
                        if o is not None and i is not None and o != i:
                            problems.append("edge %s -> %s: %d values into size %d" % (a, b, o, i))
            version = f["version"][()].decode() if "version" in f else None
            return {"version": version, "nodes": nodes,
                    "edges": [[a.decode(), b.decode()] for a, b in f["node/edges"][()]]
                    if "edges" in f["node"] else None}, problems
    except OSError as err:
        return None, ["not readable as HDF5: %s" % str(err).split("(")[0].strip()]


# --------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true",
                        help="also verify every good file is clean and every bad file has a problem")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    manifest = {}
    for kind, table in (("good", good_fixtures()), ("bad", bad_fixtures())):
        for name, (graph, opts, what) in sorted(table.items()):
            write_nir(os.path.join(args.out, name), graph, version=opts.get("version", VERSION),
                      gzip_all=opts.get("gzip_all", False))
            manifest[name] = {"kind": kind, "what": what}
    for name, what in write_raw_bad_files(args.out).items():
        manifest[name] = {"kind": "bad", "what": what}

    failures = 0
    for name in sorted(manifest):
        path = os.path.join(args.out, name)
        summary, problems = check_file(path)
        entry = manifest[name]
        entry["bytes"] = os.path.getsize(path)
        if summary is not None and entry["kind"] == "good":
            entry.update(summary)
        if entry["kind"] == "bad":
            entry["checker_found"] = problems
        ok = (not problems) if entry["kind"] == "good" else bool(problems)
        if entry["bytes"] >= 50 * 1024:
            ok = False
            problems = problems + ["file too large"]
        if args.check or not ok:
            print("%-4s %-28s %6d B  %s" % ("ok" if ok else "FAIL", name, entry["bytes"],
                                            "; ".join(problems) if problems else entry["what"]))
        failures += 0 if ok else 1

    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d fixtures to %s" % (len(manifest), os.path.relpath(args.out, REPO)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
