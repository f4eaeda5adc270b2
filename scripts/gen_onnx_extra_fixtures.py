#!/usr/bin/python3
"""gen_onnx_extra_fixtures.py - extra ONNX importer fixtures for Axon.

Complements scripts/gen_onnx_fixtures.py (whose models live in
test/Import/onnx/Inputs/) with the cases the ONNX importer's tests need
beyond one-op-per-model: attribute variants (Gemm alpha/beta/transB=0,
grouped/dilated/SAME-padded and 1-D convolutions, padded AveragePool),
MatMul without bias, reversed Add operands, a small CNN chain using Constant,
Reshape(-1), Dropout, Identity and an identity MaxPool, old-exporter files that
list initializers as graph inputs and store float_data/double_data, and bad
models that must be rejected with a precise message.

Expected outputs come from PyTorch's functional ops (conv, avg_pool) and
numpy (dense algebra), not from Axon. Writes to
test/Import/onnx/Inputs/extra/; re-running gives byte-identical files.

Usage: /usr/bin/python3 scripts/gen_onnx_extra_fixtures.py [--out DIR]
"""

import argparse
import os
import sys
import zlib

import numpy as np
import onnx
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_onnx_fixtures import save, write_good_fixture  # noqa: E402
from onnx import TensorProto, checker, helper, numpy_helper, shape_inference

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "test", "Import", "onnx", "Inputs", "extra")
PRODUCER = "axon scripts/gen_onnx_extra_fixtures.py"


def grid(rng, dims, scale=1.0):
    """Random float32 values on a 1/16 grid (exact in float32)."""
    return (np.round(rng.standard_normal(dims) * scale * 16) / 16).astype(np.float32)


def vinfo(name, dims, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, list(dims))


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def make_model(name, nodes, inputs, outputs, inits, opset=13, check=True, ir=8):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=inits)
    model = helper.make_model(graph, producer_name=PRODUCER, producer_version="1",
                              opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = ir
    if check:
        checker.check_model(model, full_check=True)
        shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    return model


def t64(a):
    return torch.from_numpy(np.asarray(a, np.float64))


# --------------------------------------------------------------------------
# Good fixtures: (model, inputs, outputs, note)
# --------------------------------------------------------------------------
def fx_gemm_alpha_beta(rng):
    x, b, c = grid(rng, (1, 5)), grid(rng, (5, 4)), grid(rng, (1, 4))
    node = helper.make_node("Gemm", ["X", "B", "C"], ["Y"], name="gemm0",
                            alpha=0.5, beta=2.0, transB=0)
    model = make_model("gemm_alpha_beta", [node], [vinfo("X", (1, 5))],
                       [vinfo("Y", (1, 4))], [init("B", b), init("C", c)])
    y = 0.5 * (x.astype(np.float64) @ b) + 2.0 * c
    return model, {"X": x}, {"Y": y}, "Gemm transB=0, alpha=0.5, beta=2, C [1,4]"


def fx_gemm_no_bias(rng):
    x, b = grid(rng, (1, 3)), grid(rng, (2, 3))
    node = helper.make_node("Gemm", ["X", "B"], ["Y"], transB=1)
    model = make_model("gemm_no_bias", [node], [vinfo("X", (1, 3))],
                       [vinfo("Y", (1, 2))], [init("B", b)])
    return model, {"X": x}, {"Y": x.astype(np.float64) @ b.T}, \
        "Gemm without C (unnamed node: the location uses the output name)"


def fx_matmul_linear(rng):
    x, w = grid(rng, (1, 3)), grid(rng, (3, 2))
    node = helper.make_node("MatMul", ["X", "W"], ["Y"], name="mm")
    model = make_model("matmul_linear", [node], [vinfo("X", (1, 3))],
                       [vinfo("Y", (1, 2))], [init("W", w)])
    return model, {"X": x}, {"Y": x.astype(np.float64) @ w}, "MatMul alone -> snn.linear"


def fx_add_bias_first(rng):
    x, w, b = grid(rng, (1, 4)), grid(rng, (4, 2)), grid(rng, (1, 2))
    nodes = [helper.make_node("MatMul", ["X", "W"], ["XW"], name="mm"),
             helper.make_node("Add", ["B", "XW"], ["Y"], name="bias")]
    model = make_model("add_bias_first", nodes, [vinfo("X", (1, 4))],
                       [vinfo("Y", (1, 2))], [init("W", w), init("B", b)])
    return model, {"X": x}, {"Y": x.astype(np.float64) @ w + b}, \
        "Add(B[1,2], MatMul(X, W)): bias first, fused into one snn.affine"


def fx_matmul_add_add(rng):
    x, w = grid(rng, (1, 3)), grid(rng, (3, 2))
    b1, b2 = grid(rng, (2,)), grid(rng, (1, 2))
    nodes = [helper.make_node("MatMul", ["X", "W"], ["XW"], name="mm"),
             helper.make_node("Add", ["XW", "B1"], ["S"], name="bias1"),
             helper.make_node("Add", ["S", "B2"], ["Y"], name="bias2")]
    model = make_model("matmul_add_add", nodes, [vinfo("X", (1, 3))],
                       [vinfo("Y", (1, 2))], [init("W", w), init("B1", b1), init("B2", b2)])
    return model, {"X": x}, {"Y": x.astype(np.float64) @ w + b1 + b2}, \
        "MatMul + Add + Add: both biases fold into one snn.affine"


def fx_matmul_shared_add(rng):
    """The MatMul result is a graph output and, through an Identity alias,
    the input of the bias Add: the MatMul must stay."""
    x, w, b = grid(rng, (1, 3)), grid(rng, (3, 2)), grid(rng, (2,))
    nodes = [helper.make_node("MatMul", ["X", "W"], ["XW"], name="mm"),
             helper.make_node("Identity", ["XW"], ["I"], name="alias"),
             helper.make_node("Add", ["I", "B"], ["Y"], name="bias")]
    model = make_model("matmul_shared_add", nodes, [vinfo("X", (1, 3))],
                       [vinfo("XW", (1, 2)), vinfo("Y", (1, 2))],
                       [init("W", w), init("B", b)])
    xw = x.astype(np.float64) @ w
    return model, {"X": x}, {"XW": xw, "Y": xw + b}, \
        "MatMul read twice (graph output and Identity -> Add): linear kept, affine added"


def fx_conv_group_dilation_same(rng):
    x, w = grid(rng, (1, 4, 6, 6)), grid(rng, (4, 2, 3, 3), 0.5)
    node = helper.make_node("Conv", ["X", "W"], ["Y"], name="conv_g",
                            group=2, dilations=[2, 2], auto_pad="SAME_UPPER")
    model = make_model("conv_group_dilation_same", [node], [vinfo("X", (1, 4, 6, 6))],
                       [vinfo("Y", (1, 4, 6, 6))], [init("W", w)])
    y = F.conv2d(t64(x), t64(w), None, stride=1, padding=2, dilation=2, groups=2)
    return model, {"X": x}, {"Y": y.numpy()}, \
        "Conv group=2, dilations 2, auto_pad SAME_UPPER (pads 2), no bias"


def fx_conv1d(rng):
    x, w, b = grid(rng, (1, 2, 9)), grid(rng, (3, 2, 3), 0.5), grid(rng, (3,))
    node = helper.make_node("Conv", ["X", "W", "B"], ["Y"], name="conv1",
                            kernel_shape=[3], strides=[2], pads=[1, 1])
    model = make_model("conv1d", [node], [vinfo("X", (1, 2, 9))],
                       [vinfo("Y", (1, 3, 5))], [init("W", w), init("B", b)])
    y = F.conv1d(t64(x), t64(w), t64(b), stride=2, padding=1)
    return model, {"X": x}, {"Y": y.numpy()}, "1-D Conv stride 2 pads 1 -> snn.conv1d"


def fx_avgpool_pad(rng):
    x = grid(rng, (1, 2, 5, 5))
    node = helper.make_node("AveragePool", ["X"], ["Y"], name="pool",
                            kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1],
                            count_include_pad=1)
    model = make_model("avgpool_pad", [node], [vinfo("X", (1, 2, 5, 5))],
                       [vinfo("Y", (1, 2, 3, 3))], [])
    y = F.avg_pool2d(t64(x), 3, stride=2, padding=1, count_include_pad=True)
    return model, {"X": x}, {"Y": y.numpy()}, \
        "AveragePool 3x3 stride 2 pads 1 count_include_pad=1 (divisor 9 at borders)"


def fx_cnn_chain(rng):
    """Conv -> BN -> Relu -> MaxPool(1x1) -> AvgPool -> Dropout -> Reshape(-1)
    (shape from a Constant node) -> Gemm -> Identity -> Clip(min only) and
    ArgMax: two graph outputs."""
    x = grid(rng, (1, 1, 6, 6))
    w, cb = grid(rng, (3, 1, 3, 3), 0.5), grid(rng, (3,))
    gamma = np.array([1.0, -0.5, 2.0], np.float32)
    beta = np.array([0.25, 0.0, -0.5], np.float32)
    mean = np.array([0.5, -0.25, 0.0], np.float32)
    var = np.array([1.0, 0.25, 4.0], np.float32)
    g, gb = grid(rng, (4, 12), 0.5), grid(rng, (4,))
    nodes = [
        helper.make_node("Conv", ["X", "W", "CB"], ["c"], name="conv", pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c", "gamma", "beta", "mean", "var"],
                         ["bn"], name="bn", epsilon=1e-3),
        helper.make_node("Relu", ["bn"], ["r"], name="relu"),
        helper.make_node("MaxPool", ["r"], ["m"], name="mp1", kernel_shape=[1, 1]),
        helper.make_node("AveragePool", ["m"], ["p"], name="pool",
                         kernel_shape=[3, 3], strides=[3, 3]),
        helper.make_node("Dropout", ["p"], ["d"], name="drop"),
        helper.make_node("Constant", [], ["shape"], name="shape_const",
                         value=numpy_helper.from_array(np.array([1, -1], np.int64))),
        helper.make_node("Reshape", ["d", "shape"], ["f"], name="flat"),
        helper.make_node("Gemm", ["f", "G", "GB"], ["logits"], name="fc", transB=1),
        helper.make_node("Identity", ["logits"], ["id"], name="id"),
        helper.make_node("Clip", ["id", "lo", ""], ["Y"], name="clip"),
        helper.make_node("ArgMax", ["id"], ["K"], name="argmax", axis=1, keepdims=1),
    ]
    inits = [init("W", w), init("CB", cb), init("gamma", gamma), init("beta", beta),
             init("mean", mean), init("var", var), init("G", g), init("GB", gb),
             init("lo", np.float32(-0.25))]
    model = make_model("cnn_chain", nodes, [vinfo("X", (1, 1, 6, 6))],
                       [vinfo("Y", (1, 4)), vinfo("K", (1, 1), TensorProto.INT64)], inits)
    c = F.conv2d(t64(x), t64(w), t64(cb), padding=1).numpy()
    bn = ((c - mean.reshape(1, 3, 1, 1)) / np.sqrt(var.astype(np.float64).reshape(1, 3, 1, 1)
                                                   + 1e-3) * gamma.reshape(1, 3, 1, 1)
          + beta.reshape(1, 3, 1, 1))
    p = F.avg_pool2d(torch.from_numpy(np.maximum(bn, 0)), 3, stride=3).numpy()
    logits = p.reshape(1, 12) @ g.T.astype(np.float64) + gb
    return model, {"X": x}, {"Y": np.maximum(logits, -0.25),
                             "K": np.argmax(logits, axis=1).reshape(1, 1).astype(np.int64)}, \
        "small CNN chain with Constant/Reshape(-1)/Dropout/Identity/MaxPool 1x1, two outputs"


def fx_old_exporter(rng):
    """ir_version 3 style: initializers listed as graph inputs; weights in
    float_data and the bias in double_data instead of raw_data."""
    x, w, b = grid(rng, (1, 3)), grid(rng, (2, 3)), grid(rng, (2,)).astype(np.float64)
    wt = helper.make_tensor("W", TensorProto.FLOAT, [2, 3], w.reshape(-1).tolist())
    bt = helper.make_tensor("B", TensorProto.DOUBLE, [2], b.tolist())
    node = helper.make_node("Gemm", ["X", "W", "B"], ["Y"], name="fc", transB=1)
    graph = helper.make_graph([node], "old_exporter",
                              [vinfo("X", (1, 3)), vinfo("W", (2, 3)),
                               vinfo("B", (2,), TensorProto.DOUBLE)],
                              [vinfo("Y", (1, 2))], initializer=[wt, bt])
    model = helper.make_model(graph, producer_name=PRODUCER,
                              opset_imports=[helper.make_opsetid("", 11)])
    model.ir_version = 6
    return model, {"X": x}, {"Y": x.astype(np.float64) @ w.T + b}, \
        "initializers repeated as graph inputs; float_data and double_data storage"


GOOD = [("gemm_alpha_beta", fx_gemm_alpha_beta), ("gemm_no_bias", fx_gemm_no_bias),
        ("matmul_linear", fx_matmul_linear), ("add_bias_first", fx_add_bias_first),
        ("matmul_add_add", fx_matmul_add_add), ("matmul_shared_add", fx_matmul_shared_add),
        ("conv_group_dilation_same", fx_conv_group_dilation_same), ("conv1d", fx_conv1d),
        ("avgpool_pad", fx_avgpool_pad), ("cnn_chain", fx_cnn_chain),
        ("old_exporter", fx_old_exporter)]


# --------------------------------------------------------------------------
# Bad fixtures: each is rejected with one message (see ONNXImportTest.cpp)
# --------------------------------------------------------------------------
def bad_models(rng):
    out = {}
    x4 = [vinfo("X", (1, 1, 4, 4))]

    def conv(name, **attrs):
        node = helper.make_node("Conv", ["X", "W"], ["Y"], name=name, **attrs)
        return node, [init("W", grid(rng, (1, 1, 3, 3)))]

    node, inits = conv("conv_asym", pads=[0, 0, 1, 1])
    out["bad_asymmetric_pads"] = make_model("a", [node], x4, [vinfo("Y", (1, 1, 3, 3))], inits)

    pool = helper.make_node("AveragePool", ["X"], ["Y"], name="pool_ex",
                            kernel_shape=[3, 3], pads=[1, 1, 1, 1])
    out["bad_count_exclude_pad"] = make_model("b", [pool], x4, [vinfo("Y", (1, 1, 4, 4))], [])

    pool = helper.make_node("AveragePool", ["X"], ["Y"], name="pool_ceil",
                            kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)
    out["bad_ceil_mode"] = make_model("c", [pool], x4, [vinfo("Y", (1, 1, 2, 2))], [])

    gemm = helper.make_node("Gemm", ["X", "W"], ["Y"], name="fc", transB=1)
    out["bad_batch2"] = make_model("d", [gemm], [vinfo("X", (2, 4))], [vinfo("Y", (2, 3))],
                                   [init("W", grid(rng, (3, 4)))])

    out["bad_symbolic_feature"] = make_model(
        "e", [helper.make_node("Relu", ["X"], ["Y"])], [vinfo("X", (1, "features"))],
        [vinfo("Y", (1, "features"))], [])

    node = helper.make_node("Reshape", ["X", "shape"], ["Y"], name="reshape3d")
    out["bad_reshape"] = make_model("f", [node], [vinfo("X", (1, 2, 3, 2))],
                                    [vinfo("Y", (1, 6, 2))],
                                    [init("shape", np.array([1, 6, 2], np.int64))])

    node = helper.make_node("Gemm", ["X", "W"], ["Y"], name="gemm_ta", transA=1)
    out["bad_transA"] = make_model("g", [node], [vinfo("X", (1, 4))], [vinfo("Y", (4, 3))],
                                   [init("W", grid(rng, (1, 3)))])

    w = init("W", grid(rng, (3, 4)))
    w.raw_data = w.raw_data[:-4]
    node = helper.make_node("Gemm", ["X", "W"], ["Y"], name="fc_trunc", transB=1)
    out["bad_raw_size"] = make_model("h", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 3))],
                                     [w], check=False)

    w = init("W", grid(rng, (3, 4)))
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    entry = w.external_data.add()
    entry.key, entry.value = "location", "weights.bin"
    node = helper.make_node("Gemm", ["X", "W"], ["Y"], name="fc_ext", transB=1)
    out["bad_external_data"] = make_model("i", [node], [vinfo("X", (1, 4))],
                                          [vinfo("Y", (1, 3))], [w], check=False)

    nodes = [helper.make_node("Relu", ["X"], ["R"], name="relu"),
             helper.make_node("Add", ["X", "R"], ["Y"], name="residual")]
    out["bad_add_signals"] = make_model("j", nodes, [vinfo("X", (1, 4))],
                                        [vinfo("Y", (1, 4))], [])

    nodes = [helper.make_node("Relu", ["X"], ["R"], name="relu"),
             helper.make_node("Add", ["R", "B"], ["Y"], name="relu_bias")]
    out["bad_add_after_relu"] = make_model("j2", nodes, [vinfo("X", (1, 4))],
                                           [vinfo("Y", (1, 4))],
                                           [init("B", grid(rng, (4,)))])

    nodes = [helper.make_node("Relu", ["X"], ["R"], name="relu"),
             helper.make_node("MatMul", ["X", "R"], ["Y"], name="mm_dyn")]
    out["bad_matmul_dynamic_weight"] = make_model(
        "k", nodes, [vinfo("X", (1, 4))], [vinfo("Y", (1, 4))], [], check=False)

    node = helper.make_node("Dropout", ["X"], ["Y", "mask"], name="drop")
    out["bad_dropout_mask"] = make_model(
        "l", [node], [vinfo("X", (1, 4))],
        [vinfo("Y", (1, 4)), vinfo("mask", (1, 4), TensorProto.BOOL)], [])

    out["bad_undefined_output"] = make_model(
        "m", [helper.make_node("Relu", ["X"], ["Y"])], [vinfo("X", (1, 4))],
        [vinfo("Z", (1, 4))], [], check=False)

    w = numpy_helper.from_array(grid(rng, (3, 4)).astype(np.float16), "W")
    node = helper.make_node("Gemm", ["X", "W"], ["Y"], name="fc_half", transB=1)
    out["bad_float16_init"] = make_model("n", [node], [vinfo("X", (1, 4))],
                                         [vinfo("Y", (1, 3))], [w], check=False)

    node = helper.make_node("FusedGemm", ["X"], ["Y"], name="ms", domain="com.microsoft")
    out["bad_domain_op"] = make_model("o", [node], [vinfo("X", (1, 4))],
                                      [vinfo("Y", (1, 4))], [], check=False)

    node = helper.make_node("BatchNormalization", ["X", "s", "b", "m", "v"], ["Y"],
                            name="bn_train", training_mode=1)
    ones = np.ones(4, np.float32)
    out["bad_bn_training"] = make_model(
        "p", [node], [vinfo("X", (1, 4))], [vinfo("Y", (1, 4))],
        [init("s", ones), init("b", ones), init("m", ones), init("v", ones)], opset=15,
        check=False)

    node = helper.make_node("ArgMax", ["X"], ["Y"], name="argmax0", axis=0)
    out["bad_argmax_axis0"] = make_model("q", [node], [vinfo("X", (1, 4))],
                                         [vinfo("Y", (1, 4), TensorProto.INT64)], [])

    nodes = [helper.make_node("Relu", ["X"], ["Y"], name="first"),
             helper.make_node("Relu", ["X"], ["Y"], name="second")]
    out["bad_duplicate_output"] = make_model("r", nodes, [vinfo("X", (1, 4))],
                                             [vinfo("Y", (1, 4))], [], check=False)

    node = helper.make_node("Gemm", ["X", "W"], ["Y"], name="fc_nan", transB=1)
    out["bad_nan_weight"] = make_model(
        "s", [node], [vinfo("X", (1, 2))], [vinfo("Y", (1, 1))],
        [init("W", np.array([[np.nan, 1.0]], np.float32))])
    return out


# --------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, build in GOOD:
        # One stream per fixture, so adding a fixture changes no other.
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        write_good_fixture(args.out, name, *build(rng), width=34)
    for name, model in bad_models(np.random.default_rng(7)).items():
        save(model, os.path.join(args.out, name + ".onnx"))
        print("bad  %s.onnx" % name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
