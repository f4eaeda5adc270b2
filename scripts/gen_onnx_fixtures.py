#!/usr/bin/python3
"""gen_onnx_fixtures.py - write the ONNX import fixtures for Axon.

Writes one small model per ONNX construct the importer supports, plus bad
models, to test/Import/onnx/Inputs/. Every good model is checker-valid
(onnx.checker.check_model, full_check with shape inference), has batch-1
static shapes and comes with <name>.expected.json: one input tensor and the
output computed by the small numpy reference implementations below (written
from the ONNX operator specification, independent of any runtime), so the
importer tests can check numbers. See docs/formats/onnx.md.

Usage: /usr/bin/python3 scripts/gen_onnx_fixtures.py [--out DIR]
Re-running produces byte-identical files (fixed seeds, no timestamps).
"""

import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, checker, helper, numpy_helper, shape_inference

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "test", "Import", "onnx", "Inputs")
PRODUCER = "axon scripts/gen_onnx_fixtures.py"
IR_VERSION = 8  # onnx 1.12 default; readable by libonnx 1.12
TOLERANCE = {"rtol": 1e-5, "atol": 1e-6}


def grid(rng, dims, step=1.0 / 16, scale=1.0):
    """Random float32 values on a 1/16 grid (exact in float32, readable)."""
    return (np.round(rng.standard_normal(dims) * scale / step) * step).astype(np.float32)


def vinfo(name, dims, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, list(dims))


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def make_model(name, nodes, inputs, outputs, inits, opset=13, check=True):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=inits)
    model = helper.make_model(graph, producer_name=PRODUCER, producer_version="1",
                              opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = IR_VERSION
    if check:
        checker.check_model(model, full_check=True)
        shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    return model


# --------------------------------------------------------------------------
# numpy reference implementations (ONNX operator semantics)
# --------------------------------------------------------------------------
def ref_conv(x, w, b, strides, pads, dilations=(1, 1), group=1):
    n, c, h, wd = x.shape
    m, cg, kh, kw = w.shape
    top, left, bottom, right = pads
    xp = np.zeros((n, c, h + top + bottom, wd + left + right), np.float64)
    xp[:, :, top:top + h, left:left + wd] = x
    oh = (h + top + bottom - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    ow = (wd + left + right - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    y = np.zeros((n, m, oh, ow), np.float64)
    mg = m // group
    for o in range(m):
        g = o // mg
        for i in range(oh):
            for j in range(ow):
                acc = float(b[o]) if b is not None else 0.0
                for ci in range(cg):
                    for p in range(kh):
                        for q in range(kw):
                            acc += (w[o, ci, p, q] *
                                    xp[0, g * cg + ci, i * strides[0] + p * dilations[0],
                                       j * strides[1] + q * dilations[1]])
                y[0, o, i, j] = acc
    return y


def ref_pool(x, k, s, mode):
    n, c, h, w = x.shape
    oh, ow = (h - k[0]) // s[0] + 1, (w - k[1]) // s[1] + 1
    y = np.zeros((n, c, oh, ow), np.float64)
    for ch in range(c):
        for i in range(oh):
            for j in range(ow):
                win = x[0, ch, i * s[0]:i * s[0] + k[0], j * s[1]:j * s[1] + k[1]]
                y[0, ch, i, j] = win.max() if mode == "max" else win.mean()
    return y


# --------------------------------------------------------------------------
# Good fixtures: each returns (model, {input: array}, {output: array}, note)
# --------------------------------------------------------------------------
def fx_gemm(rng):
    x, w, c = grid(rng, (1, 4)), grid(rng, (3, 4)), grid(rng, (3,))
    node = helper.make_node("Gemm", ["X", "W", "C"], ["Y"], transB=1, alpha=1.0, beta=1.0)
    model = make_model("gemm", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 3))],
                       [init("W", w), init("C", c)], opset=11)
    return model, {"X": x}, {"Y": x.astype(np.float64) @ w.T + c}, \
        "Gemm(X[1,4], W[3,4], C[3], transB=1) -> Y[1,3]; opset 11 (lowest supported)"


def fx_matmul_add(rng):
    x, w, b = grid(rng, (1, 4)), grid(rng, (4, 3)), grid(rng, (3,))
    nodes = [helper.make_node("MatMul", ["X", "W"], ["XW"]),
             helper.make_node("Add", ["XW", "B"], ["Y"])]
    model = make_model("matmul_add", nodes, [vinfo("X", (1, 4))], [vinfo("Y", (1, 3))],
                       [init("W", w), init("B", b)])
    return model, {"X": x}, {"Y": x.astype(np.float64) @ w + b}, \
        "MatMul(X[1,4], W[4,3]) + B[3] -> Y[1,3] (two nodes, one affine layer)"


def fx_conv(rng):
    x, w, b = grid(rng, (1, 2, 5, 5)), grid(rng, (3, 2, 3, 3), scale=0.5), grid(rng, (3,))
    node = helper.make_node("Conv", ["X", "W", "B"], ["Y"], kernel_shape=[3, 3],
                            strides=[2, 2], pads=[1, 1, 1, 1], dilations=[1, 1], group=1)
    model = make_model("conv", [node], [vinfo("X", (1, 2, 5, 5))],
                       [vinfo("Y", (1, 3, 3, 3))], [init("W", w), init("B", b)])
    return model, {"X": x}, {"Y": ref_conv(x, w, b, (2, 2), (1, 1, 1, 1))}, \
        "Conv(X[1,2,5,5], W[3,2,3,3], B[3], strides 2, pads 1) -> Y[1,3,3,3]"


def fx_maxpool(rng):
    x = grid(rng, (1, 2, 4, 4))
    node = helper.make_node("MaxPool", ["X"], ["Y"], kernel_shape=[2, 2], strides=[2, 2])
    model = make_model("maxpool", [node], [vinfo("X", (1, 2, 4, 4))],
                       [vinfo("Y", (1, 2, 2, 2))], [])
    return model, {"X": x}, {"Y": ref_pool(x, (2, 2), (2, 2), "max")}, \
        "MaxPool(X[1,2,4,4], kernel 2x2, stride 2) -> Y[1,2,2,2]"


def fx_avgpool(rng):
    x = grid(rng, (1, 1, 4, 6))
    node = helper.make_node("AveragePool", ["X"], ["Y"], kernel_shape=[2, 3], strides=[2, 3])
    model = make_model("avgpool", [node], [vinfo("X", (1, 1, 4, 6))],
                       [vinfo("Y", (1, 1, 2, 2))], [])
    return model, {"X": x}, {"Y": ref_pool(x, (2, 3), (2, 3), "avg")}, \
        "AveragePool(X[1,1,4,6], kernel 2x3, stride 2x3, no padding) -> Y[1,1,2,2]"


def fx_relu(rng):
    x = np.array([[-1.5, -0.0625, 0.0, 0.5, 3.25]], np.float32)
    model = make_model("relu", [helper.make_node("Relu", ["X"], ["Y"])],
                       [vinfo("X", (1, 5))], [vinfo("Y", (1, 5))], [], opset=17)
    return model, {"X": x}, {"Y": np.maximum(x, 0)}, "Relu(X[1,5]) -> Y[1,5]; opset 17 (highest supported)"


def fx_clip(rng):
    x = np.array([[-2.0, -0.5, 0.0, 0.75, 1.0, 4.5]], np.float32)
    node = helper.make_node("Clip", ["X", "min", "max"], ["Y"])
    model = make_model("clip", [node], [vinfo("X", (1, 6))], [vinfo("Y", (1, 6))],
                       [init("min", np.float32(-0.5)), init("max", np.float32(1.0))])
    return model, {"X": x}, {"Y": np.clip(x, -0.5, 1.0)}, \
        "Clip(X[1,6], min=-0.5, max=1.0 as scalar initializers, opset >= 11 form) -> Y[1,6]"


def fx_batchnorm(rng):
    x = grid(rng, (1, 4))
    scale = np.array([1.0, 0.5, 2.0, -1.0], np.float32)
    bias = np.array([0.0, 0.25, -0.5, 1.0], np.float32)
    mean = np.array([0.5, -0.25, 0.0, 1.0], np.float32)
    var = np.array([1.0, 0.25, 4.0, 0.5], np.float32)
    eps = 1e-5
    node = helper.make_node("BatchNormalization", ["X", "scale", "bias", "mean", "var"], ["Y"],
                            epsilon=eps)
    model = make_model("batchnorm", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 4))],
                       [init("scale", scale), init("bias", bias), init("mean", mean),
                        init("var", var)])
    y = (x.astype(np.float64) - mean) / np.sqrt(var.astype(np.float64) + eps) * scale + bias
    return model, {"X": x}, {"Y": y}, \
        "BatchNormalization(X[1,4], inference mode, epsilon 1e-5) -> Y[1,4]"


def fx_sign(rng):
    x = np.array([[-2.5, -0.0625, 0.0, 0.0625, 7.0]], np.float32)
    model = make_model("sign", [helper.make_node("Sign", ["X"], ["Y"])],
                       [vinfo("X", (1, 5))], [vinfo("Y", (1, 5))], [])
    return model, {"X": x}, {"Y": np.sign(x)}, "Sign(X[1,5]) -> Y[1,5]; note Sign(0) = 0"


def fx_flatten(rng):
    x = grid(rng, (1, 2, 3, 2))
    model = make_model("flatten", [helper.make_node("Flatten", ["X"], ["Y"], axis=1)],
                       [vinfo("X", (1, 2, 3, 2))], [vinfo("Y", (1, 12))], [])
    return model, {"X": x}, {"Y": x.reshape(1, 12)}, "Flatten(X[1,2,3,2], axis=1) -> Y[1,12]"


def fx_reshape(rng):
    x = grid(rng, (1, 2, 3, 2))
    node = helper.make_node("Reshape", ["X", "shape"], ["Y"])
    model = make_model("reshape", [node], [vinfo("X", (1, 2, 3, 2))], [vinfo("Y", (1, 12))],
                       [init("shape", np.array([1, 12], np.int64))])
    return model, {"X": x}, {"Y": x.reshape(1, 12)}, \
        "Reshape(X[1,2,3,2], shape=[1,12] int64 initializer) -> Y[1,12]"


def fx_argmax(rng):
    x = np.array([[0.5, -1.0, 2.25, 2.0, 0.0]], np.float32)
    node = helper.make_node("ArgMax", ["X"], ["Y"], axis=1, keepdims=1)
    model = make_model("argmax", [node], [vinfo("X", (1, 5))],
                       [vinfo("Y", (1, 1), TensorProto.INT64)], [])
    return model, {"X": x}, {"Y": np.argmax(x, axis=1).reshape(1, 1).astype(np.int64)}, \
        "ArgMax(X[1,5], axis=1, keepdims=1) -> Y[1,1] int64"


def fx_identity(rng):
    x = grid(rng, (1, 3))
    model = make_model("identity", [helper.make_node("Identity", ["X"], ["Y"])],
                       [vinfo("X", (1, 3))], [vinfo("Y", (1, 3))], [], opset=17)
    return model, {"X": x}, {"Y": x.copy()}, "Identity(X[1,3]) -> Y[1,3]; opset 17"


GOOD = [("gemm", fx_gemm), ("matmul_add", fx_matmul_add), ("conv", fx_conv),
        ("maxpool", fx_maxpool), ("avgpool", fx_avgpool), ("relu", fx_relu),
        ("clip", fx_clip), ("batchnorm", fx_batchnorm), ("sign", fx_sign),
        ("flatten", fx_flatten), ("reshape", fx_reshape), ("argmax", fx_argmax),
        ("identity", fx_identity)]


# --------------------------------------------------------------------------
# Bad fixtures
# --------------------------------------------------------------------------
def _gemm_parts(rng):
    w, c = grid(rng, (3, 4)), grid(rng, (3,))
    node = helper.make_node("Gemm", ["X", "W", "C"], ["Y"], transB=1)
    return node, [init("W", w), init("C", c)]


def bad_models(rng):
    out = {}
    hidden, feat = 2, 3
    lstm = helper.make_node("LSTM", ["X", "W", "R"], ["Y"], hidden_size=hidden)
    out["bad_unsupported_op.onnx"] = (
        make_model("lstm", [lstm], [vinfo("X", (2, 1, feat))], [vinfo("Y", (2, 1, 1, hidden))],
                   [init("W", grid(rng, (1, 4 * hidden, feat))),
                    init("R", grid(rng, (1, 4 * hidden, hidden)))]),
        "checker-valid LSTM (recurrent op, out of scope for Axon's importer)")

    node, inits = _gemm_parts(rng)
    out["bad_dynamic_shape.onnx"] = (
        make_model("dynamic", [node], [vinfo("X", ("N", 4))], [vinfo("Y", ("N", 3))], inits),
        "checker-valid Gemm whose input X has the symbolic batch dimension \"N\"")

    node, inits = _gemm_parts(rng)
    out["bad_missing_initializer.onnx"] = (
        make_model("missing", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 3))],
                   [inits[1]], check=False),
        "Gemm input W is neither a graph input, an initializer nor a node output "
        "(onnx.checker rejects it too)")

    node, inits = _gemm_parts(rng)
    out["bad_opset_low.onnx"] = (
        make_model("opset9", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 3))], inits, opset=9),
        "checker-valid Gemm model importing default-domain opset 9 (< 11)")

    node, inits = _gemm_parts(rng)
    out["bad_opset_high.onnx"] = (
        make_model("opset20", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 3))], inits,
                   opset=20, check=False),
        "Gemm model importing default-domain opset 20 (> 17; onnx 1.12's check_model still accepts it)")
    return out


def write_not_onnx(path):
    rng = np.random.default_rng(99)
    data = b"NOT AN ONNX MODEL\n" + bytes([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) + \
        rng.integers(0, 256, 64, dtype=np.uint8).tobytes()
    with open(path, "wb") as f:
        f.write(data)
    try:
        onnx.load_model_from_string(data)
    except Exception:  # noqa: BLE001 - any decode failure is what we want
        return
    raise SystemExit("bad_not_onnx.onnx unexpectedly parses as a ModelProto")


# --------------------------------------------------------------------------
def tensor_json(arr):
    arr = np.asarray(arr)
    if arr.dtype.kind == "f":
        data = [float(np.float32(v)) for v in arr.reshape(-1)]
        dtype = "float32"
    else:
        data = [int(v) for v in arr.reshape(-1)]
        dtype = str(arr.dtype)
    return {"shape": list(arr.shape), "dtype": dtype, "data": data}


def save(model, path):
    data = model.SerializeToString(deterministic=True)
    with open(path, "wb") as f:
        f.write(data)
    assert len(data) < 1024 * 1024, path


def write_good_fixture(out, name, model, inputs, outputs, note, width=30):
    """NAME.onnx plus NAME.expected.json (inputs, numpy-expected outputs)."""
    save(model, os.path.join(out, name + ".onnx"))
    expected = {"model": name + ".onnx", "note": note,
                "opset": model.opset_import[0].version,
                "inputs": {k: tensor_json(v) for k, v in inputs.items()},
                "outputs": {k: tensor_json(v) for k, v in outputs.items()},
                "tolerance": TOLERANCE}
    with open(os.path.join(out, name + ".expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print("ok   %-*s %s" % (width, name + ".onnx", note))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(2024)

    for name, build in GOOD:
        write_good_fixture(args.out, name, *build(rng))

    for fname, (model, note) in bad_models(rng).items():
        save(model, os.path.join(args.out, fname))
        print("bad  %-30s %s" % (fname, note))
    write_not_onnx(os.path.join(args.out, "bad_not_onnx.onnx"))
    print("bad  %-30s %s" % ("bad_not_onnx.onnx", "garbage bytes, not a protobuf ModelProto"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
