#!/usr/bin/python3
"""train_bnn_uci.py - binarized MLPs on UCI tabular data for the threshold-logic target.

Why: the threshold-logic back end maps networks whose inputs, weights and
activations are all +-1 onto threshold gates. This script produces such
networks from real tabular data, using the same export convention as
examples/digits/bnn_mlp.onnx: MatMul with +-1 initializers (no bias) ->
BatchNormalization -> Sign per hidden layer, MatMul -> BatchNormalization ->
ArgMax at the output (int64 [1,1]).

Input encoding (thermometer code, K = 9 bits per feature): with lo/hi the
TRAINING rows' min/max of feature i, the thresholds are
    t_ij = lo_i + (j - 0.5) * (hi_i - lo_i) / K,   j = 1..K
and bit (i, j) is +1 if x_i >= t_ij else -1. Bits are ordered feature-major
(f0 = feature 0 / j = 1, ..., f8 = feature 0 / j = 9, f9 = feature 1 / j = 1, ...).
For breast_cancer (integer features 1..10) the thresholds are 1.5, 2.5, ..., 9.5,
so the code is exact. The thresholds are written to bnn_models.json.

Writes <name>_bnn.onnx, <name>_test_binary.csv (header f0..f{B-1},label, values
+-1) and bnn_models.json for breast_cancer and seeds.

Usage: /usr/bin/python3 examples/bnn/train_bnn_uci.py [--data DIR]
"""

import argparse
import os
import sys
import time

import numpy as np
import torch

sys.dont_write_bytecode = True  # keep the example folders free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import axon_examples as ax  # noqa: E402

OUT = ax.here(__file__)
DEFAULT_DATA = os.path.normpath(os.path.join(OUT, "..", "..", "..", "shared", "datasets", "uci"))
K = 9
CONFIG = {  # dataset: (hidden sizes, epochs, lr, batch)
    "breast_cancer": ([16], 100, 1e-2, 32),
    "seeds": ([32], 200, 1e-2, 16),
}
SEED = 0


def thresholds(x_train):
    lo, hi = x_train.min(axis=0), x_train.max(axis=0)
    j = np.arange(1, K + 1)
    return lo[:, None] + (j[None, :] - 0.5) * (hi - lo)[:, None] / K


def encode(x, thr):
    """Thermometer code: [n, F] -> [n, F*K] in {-1, +1}, feature-major."""
    return np.where(x[:, :, None] >= thr[None, :, :], 1.0, -1.0).reshape(len(x), -1)


def run_dataset(data_dir, name):
    t0 = time.time()
    folder = os.path.join(data_dir, name)
    x_tr_raw, y_tr = ax.read_csv(os.path.join(folder, "train.csv"))
    x_te_raw, y_te = ax.read_csv(os.path.join(folder, "test.csv"))
    thr = thresholds(x_tr_raw)
    b_tr, b_te = encode(x_tr_raw, thr), encode(x_te_raw, thr)
    ax.write_csv(os.path.join(OUT, name + "_test_binary.csv"), b_te, y_te)

    hidden, epochs, lr, batch = CONFIG[name]
    n_out = int(max(y_tr.max(), y_te.max())) + 1
    sizes = [b_tr.shape[1]] + hidden + [n_out]
    ax.set_determinism(SEED)
    tb_tr, tb_te = torch.tensor(b_tr, dtype=torch.float32), torch.tensor(b_te, dtype=torch.float32)
    ty_tr, ty_te = torch.tensor(y_tr), torch.tensor(y_te)
    net = ax.train_bnn(ax.BNN(sizes), tb_tr, ty_tr, epochs, lr, batch, SEED)
    model = ax.export_onnx(ax.bnn_export_module(net), tb_te[:1],
                           os.path.join(OUT, name + "_bnn.onnx"))
    trace = {}
    pred = ax.run_onnx(model, np.concatenate([b_te, b_tr]), trace).reshape(-1)[:len(y_te)]
    with torch.no_grad():
        entry = {"topology": "-".join(str(s) for s in sizes),
                 "encoding": "thermometer, K=%d bits per feature, feature-major; bit = +1 if "
                             "x >= threshold else -1" % K,
                 "thresholds": [[float(v) for v in row] for row in thr],
                 "ops": ax.onnx_ops(model),
                 "binary_initializers": ax.count_initializer_values(model),
                 "train_acc": ax.accuracy(net(tb_tr), ty_tr),
                 "test_acc": ax.accuracy(net(tb_te), ty_te),
                 "onnx_numpy_test_acc": float((pred == y_te).mean()),
                 "sign_inputs_exactly_zero_train_and_test": ax.sign_input_zeros(model, trace),
                 "training": {"epochs": epochs, "lr": lr, "batch": batch, "seed": SEED}}
    print("%-14s %-10s train %.4f test %.4f onnx %.4f  %.1f s" % (
        name, entry["topology"], entry["train_acc"], entry["test_acc"],
        entry["onnx_numpy_test_acc"], time.time() - t0))
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    args = parser.parse_args()
    ax.write_json(os.path.join(OUT, "bnn_models.json"),
                  {name: run_dataset(args.data, name) for name in CONFIG})


if __name__ == "__main__":
    main()
