#!/usr/bin/python3
"""train_digits.py - train and export the three digits example models.

Why: Axon needs small but real trained networks for each back end: an MLP and
an average-pooling CNN (convertible to spiking networks for SpiNNaker) and a
binarized MLP (for the threshold-logic target). sklearn's bundled 8x8 digits
need no download, train in seconds on one core and are big enough to give
meaningful accuracies.

Writes, next to this script:
  mlp.onnx       64-64-10 ReLU MLP (Gemm, Relu, Gemm), input [1,64] in [0,1]
  cnn.onnx       [1,1,8,8] -> Conv(8,3x3,p1) -> Relu -> AvgPool(2) -> Conv(16,3x3,p1)
                 -> Relu -> AvgPool(2) -> Flatten -> Gemm(10)
  bnn_mlp.onnx   input [1,64] in {-1,+1}; three +-1-weight MatMuls (64->128->64->10),
                 each followed by BatchNormalization, Sign after the hidden ones,
                 ArgMax at the end (output int64 [1,1])
  train.csv, test.csv   header f0..f63,label; features = pixel/16
  test_binary.csv       header f0..f63,label; features = +1 if pixel >= 8 else -1
  accuracy.json         measured accuracies (torch, and the .onnx files re-run in numpy)

Usage: /usr/bin/python3 examples/digits/train_digits.py
"""

import os
import sys
import time

import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

sys.dont_write_bytecode = True  # keep the example folders free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import axon_examples as ax  # noqa: E402

OUT = ax.here(__file__)
SEED = 0


def load():
    digits = load_digits()
    x_tr, x_te, y_tr, y_te = train_test_split(digits.data, digits.target, test_size=0.3,
                                              random_state=0, stratify=digits.target)
    return x_tr, x_te, y_tr.astype(np.int64), y_te.astype(np.int64)


def train_float(net, x, y, epochs, lr, batch=32):
    gen = torch.Generator().manual_seed(SEED)
    opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        net.train()
        perm = torch.randperm(len(x), generator=gen)
        for start in range(0, len(x), batch):
            idx = perm[start:start + batch]
            opt.zero_grad()
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()
        sched.step()
    return net.eval()


def make_mlp():
    return torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))


def make_cnn():
    # count_include_pad=False: without it torch 1.13 exports a no-op Pad before
    # each AveragePool; there is no padding, so the result is the same.
    def pool():
        return torch.nn.AvgPool2d(2, count_include_pad=False)
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 8, 3, padding=1, bias=False), torch.nn.ReLU(), pool(),
        torch.nn.Conv2d(8, 16, 3, padding=1, bias=False), torch.nn.ReLU(), pool(),
        torch.nn.Flatten(), torch.nn.Linear(16 * 2 * 2, 10))


def eval_onnx(model, x, y):
    """Test accuracy of a logits-producing .onnx file, run by the numpy interpreter."""
    pred = ax.run_onnx(model, x).argmax(axis=1)
    return float((pred == y).mean())


def main():
    t0 = time.time()
    x_tr_raw, x_te_raw, y_tr, y_te = load()
    x_tr, x_te = x_tr_raw / 16.0, x_te_raw / 16.0
    b_tr = np.where(x_tr_raw >= 8, 1.0, -1.0)
    b_te = np.where(x_te_raw >= 8, 1.0, -1.0)
    ax.write_csv(os.path.join(OUT, "train.csv"), x_tr, y_tr)
    ax.write_csv(os.path.join(OUT, "test.csv"), x_te, y_te)
    ax.write_csv(os.path.join(OUT, "test_binary.csv"), b_te, y_te)

    tx_tr, tx_te = torch.tensor(x_tr, dtype=torch.float32), torch.tensor(x_te, dtype=torch.float32)
    ty_tr, ty_te = torch.tensor(y_tr), torch.tensor(y_te)
    results = {"dataset": {"name": "sklearn load_digits (8x8, 10 classes)",
                           "split": "train_test_split(test_size=0.3, random_state=0, stratify=y)",
                           "train_rows": len(y_tr), "test_rows": len(y_te)}}

    # (a) MLP
    ax.set_determinism(SEED)
    mlp = train_float(make_mlp(), tx_tr, ty_tr, epochs=60, lr=3e-3)
    model = ax.export_onnx(mlp, tx_te[:1], os.path.join(OUT, "mlp.onnx"))
    with torch.no_grad():
        results["mlp"] = {"topology": "64-64-10 ReLU", "ops": ax.onnx_ops(model),
                          "train_acc": ax.accuracy(mlp(tx_tr), ty_tr),
                          "test_acc": ax.accuracy(mlp(tx_te), ty_te),
                          "onnx_numpy_test_acc": eval_onnx(model, x_te, y_te),
                          "input": "pixel/16, shape [1,64]"}

    # (b) CNN
    ax.set_determinism(SEED)
    cnn = make_cnn()
    img_tr, img_te = tx_tr.reshape(-1, 1, 8, 8), tx_te.reshape(-1, 1, 8, 8)
    cnn = train_float(cnn, img_tr, ty_tr, epochs=60, lr=1e-2)
    model = ax.export_onnx(cnn, img_te[:1], os.path.join(OUT, "cnn.onnx"))
    with torch.no_grad():
        results["cnn"] = {"topology": "1x8x8 -> conv8 3x3 p1 -> relu -> avgpool2 -> conv16 3x3 p1 "
                                      "-> relu -> avgpool2 -> flatten(64) -> gemm10",
                          "ops": ax.onnx_ops(model),
                          "train_acc": ax.accuracy(cnn(img_tr), ty_tr),
                          "test_acc": ax.accuracy(cnn(img_te), ty_te),
                          "onnx_numpy_test_acc": eval_onnx(model, x_te.reshape(-1, 1, 8, 8), y_te),
                          "input": "pixel/16, shape [1,1,8,8]"}

    # (c) BNN
    ax.set_determinism(SEED)
    tb_tr, tb_te = torch.tensor(b_tr, dtype=torch.float32), torch.tensor(b_te, dtype=torch.float32)
    bnn = ax.train_bnn(ax.BNN([64, 128, 64, 10]), tb_tr, ty_tr, epochs=150, lr=1e-2, batch=64,
                       seed=SEED)
    model = ax.export_onnx(ax.bnn_export_module(bnn), tb_te[:1], os.path.join(OUT, "bnn_mlp.onnx"))
    trace = {}
    onnx_out = ax.run_onnx(model, np.concatenate([b_te, b_tr]), trace).reshape(-1)[:len(y_te)]
    with torch.no_grad():
        results["bnn_mlp"] = {
            "topology": "64-128-64-10, +-1 weights, BatchNorm + Sign after hidden layers, "
                        "BatchNorm + ArgMax at the output",
            "ops": ax.onnx_ops(model),
            "binary_initializers": ax.count_initializer_values(model),
            "train_acc": ax.accuracy(bnn(tb_tr), ty_tr),
            "test_acc": ax.accuracy(bnn(tb_te), ty_te),
            "onnx_numpy_test_acc": float((onnx_out == y_te).mean()),
            "sign_inputs_exactly_zero_train_and_test": ax.sign_input_zeros(model, trace),
            "input": "+1 if pixel >= 8 else -1, shape [1,64] (test_binary.csv)"}
    ax.write_json(os.path.join(OUT, "accuracy.json"), results)
    for k in ("mlp", "cnn", "bnn_mlp"):
        r = results[k]
        print("%-8s train %.4f test %.4f onnx(numpy) test %.4f  ops %s" % (
            k, r["train_acc"], r["test_acc"], r["onnx_numpy_test_acc"], " ".join(r["ops"])))
    print("done in %.1f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
