#!/usr/bin/python3
"""Dump the Gemm -> Relu -> Gemm MLPs of examples/uci/*.onnx as the JSON
weights format bench-printed reads ({"layers":[{"weight":[[...]],"bias":[...]}]},
weight[out][in]), so the bench can use the project's trained float models.

usage: bench/printed/onnx_to_json.py [ONNX_DIR] OUT_DIR
"""
import json
import os
import sys

import onnx
from onnx import numpy_helper


def layers_of(path):
    model = onnx.load(path)
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    layers = []
    for node in model.graph.node:
        if node.op_type == "Relu":
            continue
        if node.op_type != "Gemm":
            raise SystemExit(f"{path}: unsupported op {node.op_type}")
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0 \
                or attrs.get("beta", 1.0) != 1.0:
            raise SystemExit(f"{path}: Gemm with transA/alpha/beta not supported")
        w = inits[node.input[1]]
        if not attrs.get("transB", 0):
            w = w.T
        b = inits[node.input[2]]
        layers.append({"weight": w.astype(float).tolist(),
                       "bias": b.astype(float).tolist()})
    return {"layers": layers}


def main():
    args = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    onnx_dir = args[0] if len(args) == 2 else os.path.join(here, "../../examples/uci")
    out_dir = args[-1] if args else None
    if not out_dir:
        raise SystemExit(__doc__)
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(onnx_dir)):
        if name.endswith(".onnx"):
            data = layers_of(os.path.join(onnx_dir, name))
            with open(os.path.join(out_dir, name[:-5] + ".json"), "w") as f:
                json.dump(data, f)
            print(name[:-5], "->", os.path.join(out_dir, name[:-5] + ".json"))


if __name__ == "__main__":
    main()
