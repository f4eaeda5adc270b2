#!/usr/bin/python3
"""gen_nir_extra_fixtures.py - extra NIR (HDF5) files for the NIR reader's tests.

scripts/gen_nir_fixtures.py writes one clean fixture per node type in the layout
of the reference `nir` package. This script adds the corner cases the C++ reader
(lib/Import/NIR) must also handle or reject, each in a small file under
test/Import/nir/Inputs/extra/:

  * other string encodings (fixed-length ASCII), NIR 1.0's dict-valued fields
    (`input_type`/`output_type`/`metadata` groups), pre-1.0 files that lack
    `v_reset`/`w_in`, float16 parameters, unknown fields;
  * graph shapes: several inputs/outputs, summed edges, a self-loop, deep and
    bare ("G") sub-graph addressing, ports whose stored shape differs;
  * bad files, each wrong in exactly one way: padding "same" that PyTorch pads
    asymmetrically or with a stride, external and dangling links, a node
    without input, an edge into an Input, a dataset far larger than the file,
    a negative time constant, a cycle with no shape information, ...

Usage: /usr/bin/python3 scripts/gen_nir_extra_fixtures.py [--out DIR]
Re-running produces byte-identical files (h5py stores no timestamps).
"""

import argparse
import os
import sys

import h5py
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "test", "Import", "nir", "Inputs", "extra")
F16, F32, F64 = np.float16, np.float32, np.float64
STR = h5py.string_dtype()


def i64(*values):
    return np.array(values, dtype=np.int64)


def full(n, value, dtype=F32):
    return np.full((n,), value, dtype=dtype)


def lif(n, threshold=1.0, dtype=F32, v_reset=True):
    node = {"type": "LIF", "tau": full(n, 0.01, dtype), "r": full(n, 1.0, dtype),
            "v_leak": full(n, 0.0, dtype), "v_threshold": full(n, threshold, dtype)}
    if v_reset:
        node["v_reset"] = full(n, 0.0, dtype)
    return node


def affine(out, inp, value=0.5):
    return {"type": "Affine", "weight": np.full((out, inp), value, F32),
            "bias": np.zeros(out, F32)}


def put(group, key, value):
    """Writes one field the way h5py does for the value's Python type."""
    if isinstance(value, dict):
        sub = group.create_group(key)
        for k in sorted(value):
            put(sub, k, value[k])
    elif isinstance(value, str):
        group.create_dataset(key, data=value, dtype=STR)
    elif isinstance(value, Raw):
        value.write(group, key)
    elif isinstance(value, list):  # edges
        data = np.array(value, dtype=object).reshape(len(value), 2)
        group.create_dataset(key, data=data, dtype=STR)
    else:
        group.create_dataset(key, data=value)


class Raw:
    """A field written by a custom function (links, odd types)."""

    def __init__(self, fn):
        self.write = fn


def graph(nodes, edges):
    return {"type": "NIRGraph", "nodes": nodes, "edges": edges}


def write(path, root, version="1.0.0"):
    with h5py.File(path, "w") as f:
        if version is not None:
            put(f, "version", version)
        put(f, "node", root)


def chain(*names):
    return [[names[i], names[i + 1]] for i in range(len(names) - 1)]


def simple(name, node, n_in, n_out):
    return graph({"input": {"type": "Input", "shape": i64(*n_in)}, name: node,
                  "output": {"type": "Output", "shape": i64(*n_out)}},
                 chain("input", name, "output"))


# --------------------------------------------------------------------------
# Files the reader accepts.
# --------------------------------------------------------------------------
def fixed_strings(path):
    """Every string fixed-length ASCII (numpy 'S'), none variable-length."""
    with h5py.File(path, "w") as f:
        f.create_dataset("version", data=np.bytes_("1.0.0"))
        g = f.create_group("node")
        g.create_dataset("type", data=np.bytes_("NIRGraph"))
        nodes = g.create_group("nodes")
        for name, node in {"input": {"type": "Input", "shape": i64(2)},
                           "lif": lif(2), "output": {"type": "Output", "shape": i64(2)}}.items():
            sub = nodes.create_group(name)
            for k, v in node.items():
                sub.create_dataset(k, data=np.bytes_(v) if isinstance(v, str) else v)
        g.create_dataset("edges", data=np.array([[b"input", b"lif"], [b"lif", b"output"]],
                                                dtype="S6"))


def nir1_layout(path):
    """What nir.serialization.write (NIR 1.0 to_dict) puts in every group."""
    def types(inp, out):
        return {"input_type": {"input": i64(*inp)}, "output_type": {"output": i64(*out)},
                "metadata": {"note": "per-node metadata"}}
    conv = {"type": "Conv2d", "input_shape": i64(4, 4),
            "weight": np.full((2, 1, 3, 3), 0.125, F32), "stride": i64(1, 1),
            "padding": i64(1, 1), "dilation": i64(1, 1), "groups": 1,
            "bias": np.zeros(2, F32), **types((1, 4, 4), (2, 4, 4))}
    flatten = {"type": "Flatten", "start_dim": 0, "end_dim": -1,
               **types((2, 4, 4), (32,))}  # input_type as a group
    nodes = {"input": {"type": "Input", "shape": i64(1, 4, 4), **types((1, 4, 4), (1, 4, 4))},
             "conv": conv, "flatten": flatten,
             "output": {"type": "Output", "shape": i64(32), **types((32,), (32,))}}
    root = graph(nodes, chain("input", "conv", "flatten", "output"))
    root.update({"input_type": {"input": i64(1, 4, 4)}, "output_type": {"output": i64(32)},
                 "metadata": {"name": "nir1_graph"}})
    write(path, root, version="1.0.6")


def old_defaults(path):
    """NIR 0.2 writers: IF and CubaLIF without v_reset, CubaLIF without w_in."""
    nodes = {"input": {"type": "Input", "shape": i64(2)},
             "if": {"type": "IF", "r": full(2, 1.0), "v_threshold": full(2, 1.0)},
             "linear": {"type": "Linear", "weight": np.eye(2, dtype=F32)},
             "cuba": {"type": "CubaLIF", "tau_syn": full(2, 0.005), "tau_mem": full(2, 0.01),
                      "r": full(2, 1.0), "v_leak": full(2, 0.0), "v_threshold": full(2, 0.5)},
             "output": {"type": "Output", "shape": i64(2)}}
    write(path, graph(nodes, chain("input", "if", "linear", "cuba", "output")), version="0.2.0")


def sub_graphs(path):
    """Two levels of nesting; the outer graph addresses G bare and as G.H.x."""
    h = graph({"x": {"type": "Input", "shape": i64(3)}, "s": {"type": "Scale", "scale": full(3, 2.0)},
               "y": {"type": "Output", "shape": i64(3)}}, chain("x", "s", "y"))
    g = graph({"in": {"type": "Input", "shape": i64(3)}, "H": h, "lif": lif(3),
               "out": {"type": "Output", "shape": i64(3)}},
              [["in", "H"], ["H.y", "lif"], ["lif", "out"]])
    nodes = {"input": {"type": "Input", "shape": i64(3)}, "G": g, "after": affine(2, 3),
             "output": {"type": "Output", "shape": i64(2)}}
    write(path, graph(nodes, [["input", "G"], ["G", "after"], ["after", "output"]]))


def multi_io(path):
    """Two inputs (written in reverse name order), two outputs, summed edges,
    a self-loop through a Linear, a Delay of spikes."""
    nodes = {"b_in": {"type": "Input", "shape": i64(3)}, "a_in": {"type": "Input", "shape": i64(3)},
             "lif": lif(3), "self": {"type": "Linear", "weight": np.full((3, 3), 0.25, F32)},
             "delay": {"type": "Delay", "delay": full(3, 0.002, F64)},
             "z_out": {"type": "Output", "shape": i64(3)}, "y_out": {"type": "Output", "shape": i64(3)}}
    edges = [["b_in", "lif"], ["a_in", "lif"], ["lif", "self"], ["self", "lif"],
             ["lif", "delay"], ["delay", "z_out"], ["a_in", "y_out"], ["b_in", "y_out"]]
    write(path, graph(nodes, edges))


def odd_fields(path):
    """float16 LI parameters, an unknown dataset, an Output stored as [1, 3],
    LIF parameters stored as [1, 3] for a [3] signal."""
    li = {"type": "LI", "tau": full(3, 0.01, F16), "r": full(3, 1.0, F16),
          "v_leak": full(3, 0.0, F16)}
    aff = affine(3, 2)
    aff["comment"] = "not a NIR field"
    lif13 = {k: (v.reshape(1, 3) if isinstance(v, np.ndarray) else v) for k, v in lif(3).items()}
    nodes = {"input": {"type": "Input", "shape": i64(2)}, "affine": aff, "li": li, "lif": lif13,
             "output": {"type": "Output", "shape": i64(1, 3)}}
    write(path, graph(nodes, chain("input", "affine", "li", "lif", "output")))


def conv_scalars(path):
    """Conv2d with plain-int stride/padding/dilation/groups and no input_shape;
    padding "same" with dilation 2 and kernel 3 (2 on each side)."""
    conv = {"type": "Conv2d", "weight": np.full((1, 1, 3, 3), 1.0 / 9, F64), "stride": 1,
            "padding": "same", "dilation": 2, "groups": 1, "bias": np.zeros(1, F64)}
    write(path, simple("conv", conv, (1, 5, 5), (1, 5, 5)))


def newer_version(path):
    write(path, simple("lif", lif(2), (2,), (2,)), version="2.1.0")


# --------------------------------------------------------------------------
# Files the reader rejects, each with one defect.
# --------------------------------------------------------------------------
def conv_node(padding, stride=(1, 1), kernel=(2, 2)):
    return {"type": "Conv2d", "input_shape": i64(4, 4),
            "weight": np.ones((1, 1) + kernel, F32), "stride": i64(*stride),
            "padding": padding, "dilation": i64(1, 1), "groups": 1, "bias": np.zeros(1, F32)}


def bad_files():
    def external(group, key):
        group[key] = h5py.ExternalLink("elsewhere.nir", "/node")

    def dangling(group, key):
        group[key] = h5py.SoftLink("/node/nodes/nowhere")

    def huge(group, key):
        group.create_dataset(key, shape=(1 << 30, 4), dtype=F32)  # never written

    lif_graph = lambda: {"input": {"type": "Input", "shape": i64(2)}, "lif": lif(2),
                         "output": {"type": "Output", "shape": i64(2)}}
    files = {}
    files["bad_same_even_kernel.nir"] = simple("conv", conv_node("same"), (1, 4, 4), (1, 4, 4))
    files["bad_same_stride.nir"] = simple("conv", conv_node("same", (2, 2), (3, 3)),
                                          (1, 4, 4), (1, 2, 2))
    files["bad_padding_string.nir"] = simple("conv", conv_node("full"), (1, 4, 4), (1, 5, 5))
    files["bad_conv_channels.nir"] = simple("conv", conv_node(i64(0, 0)), (2, 4, 4), (1, 3, 3))
    nodes = lif_graph()
    nodes["lif"] = Raw(external)
    files["bad_external_link.nir"] = graph(nodes, chain("input", "lif", "output"))
    nodes = lif_graph()
    nodes["lif"] = dict(lif(2), tau=Raw(dangling))
    files["bad_dangling_link.nir"] = graph(nodes, chain("input", "lif", "output"))
    nodes = lif_graph()
    nodes["orphan"] = lif(2)
    files["bad_no_input_edge.nir"] = graph(nodes, chain("input", "lif", "output") +
                                           [["orphan", "output"]])
    files["bad_edge_into_input.nir"] = graph(lif_graph(), chain("input", "lif", "output") +
                                             [["lif", "input"]])
    nodes = lif_graph()
    nodes["affine"] = {"type": "Affine", "weight": Raw(huge), "bias": np.zeros(4, F32)}
    files["bad_huge_dataset.nir"] = graph(nodes, chain("input", "affine", "lif", "output"))
    nodes = lif_graph()
    nodes["lif"]["tau"] = np.array([0.01, -0.01], F32)
    files["bad_negative_tau.nir"] = graph(nodes, chain("input", "lif", "output"))
    nodes = {"a": {"type": "Input", "shape": i64(2)}, "b": {"type": "Input", "shape": i64(3)},
             "lif": dict(lif(1)), "output": {"type": "Output", "shape": i64(2)}}
    files["bad_summed_shapes.nir"] = graph(nodes, [["a", "lif"], ["b", "lif"], ["lif", "output"]])
    pool = {"type": "SumPool2d", "kernel_size": i64(1, 1), "stride": i64(1, 1), "padding": i64(0, 0)}
    nodes = {"input": {"type": "Input", "shape": i64(2)}, "p1": pool, "p2": dict(pool),
             "output": {"type": "Output", "shape": i64(2)}}
    files["bad_cycle_no_shape.nir"] = graph(nodes, [["p1", "p2"], ["p2", "p1"], ["input", "output"],
                                                    ["p2", "output"]])
    sub = graph({"lif": lif(2), "out": {"type": "Output", "shape": i64(2)}}, chain("lif", "out"))
    nodes = {"input": {"type": "Input", "shape": i64(2)}, "G": sub,
             "output": {"type": "Output", "shape": i64(2)}}
    files["bad_subgraph_no_input.nir"] = graph(nodes, [["input", "G"], ["G", "output"]])
    root = graph(lif_graph(), chain("input", "lif", "output"))
    root["edges"] = Raw(lambda g, k: g.create_dataset(
        k, data=np.array(["input", "lif", "output"], dtype=object), dtype=STR))
    files["bad_edges_shape.nir"] = root
    root = graph(lif_graph(), chain("input", "lif", "output"))
    root["type"] = "LIF"
    files["bad_root_type.nir"] = root
    sub = graph({"in": {"type": "Input", "shape": i64(2)}, "lif": lif(2),
                 "out": {"type": "Output", "shape": i64(2)}}, chain("in", "lif", "out"))
    nodes = {"input": {"type": "Input", "shape": i64(2)}, "G": sub, "G.lif": lif(2),
             "output": {"type": "Output", "shape": i64(2)}}
    files["bad_name_clash.nir"] = graph(nodes, [["input", "G.in"], ["G.out", "G.lif"],
                                                ["G.lif", "output"]])
    return files


def corrupt_strings(out):
    """Damaged variable-length strings: HDF5 1.10's own decoder crashes on
    the first (a global heap object larger than its heap, seen while
    fuzzing) and spends minutes on the second (a string length of 4 GiB)."""
    nodes = {"input": {"type": "Input", "shape": i64(2)}, "lif": lif(2),
             "output": {"type": "Output", "shape": i64(2)}}
    for name in ("bad_heap_object_size.nir", "bad_string_length.nir"):
        path = os.path.join(out, name)
        write(path, graph(dict(nodes), chain("input", "lif", "output")))
        with h5py.File(path, "r") as f:
            offset = f["node/nodes/lif/type"].id.get_offset()
        data = bytearray(open(path, "rb").read())
        if name == "bad_heap_object_size.nir":
            heap = data.index(b"GCOL")
            # First object: index(2) refcount(2) reserved(4) size(8).
            data[heap + 16 + 8:heap + 16 + 16] = (0x7FFFFFFF).to_bytes(8, "little")
        else:
            data[offset:offset + 4] = (0xFFFFFFF0).to_bytes(4, "little")
        open(path, "wb").write(bytes(data))
    return 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    writers = {"fixed_strings.nir": fixed_strings, "nir1_layout.nir": nir1_layout,
               "old_defaults.nir": old_defaults, "sub_graphs.nir": sub_graphs,
               "multi_io.nir": multi_io, "odd_fields.nir": odd_fields,
               "conv_scalars.nir": conv_scalars, "newer_version.nir": newer_version}
    for name, fn in sorted(writers.items()):
        fn(os.path.join(args.out, name))
    for name, root in sorted(bad_files().items()):
        write(os.path.join(args.out, name), root)
    with h5py.File(os.path.join(args.out, "bad_version_int.nir"), "w") as f:
        f.create_dataset("version", data=np.int64(1))
        put(f, "node", simple("lif", lif(2), (2,), (2,)))
    count = len(writers) + len(bad_files()) + 1 + corrupt_strings(args.out)
    print("wrote %d files to %s" % (count, os.path.relpath(args.out, REPO)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
