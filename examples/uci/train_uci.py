#!/usr/bin/python3
"""train_uci.py - train the tiny one-hidden-layer MLPs of the printed-MLP literature.

Why: the printed-electronics target compiles bespoke, fully parallel MLPs with
2-5 hidden ReLU neurons (Armeniakos, Afentaki, Mrazek et al.). These are the
float reference models for that flow, trained on the same UCI splits the
published designs use (../shared/datasets/uci/<name>/train.csv, test.csv).

Per dataset:
  * features min-max scaled to [0, 1] with the TRAINING rows' min/max
    (x' = (x - min) / (max - min); test values outside the training range are
    not clipped; a constant column would use max - min = 1);
  * model selection on the training rows only: a stratified 25 % hold-out of
    the training rows ranks hidden sizes 2..5 x seeds 0..2 (ties: fewer hidden
    neurons, then lower seed); the winner is retrained on all training rows;
  * export <name>.onnx: Gemm -> Relu -> Gemm (logits), opset 13, input [1, F];
  * models.json: topology, float train/test accuracy (torch and the .onnx file
    re-run in numpy), feature min/max, selection table.

Usage: /usr/bin/python3 examples/uci/train_uci.py [--data DIR] [--only NAME ...]
"""

import argparse
import os
import sys
import time

import numpy as np
import torch
from sklearn.model_selection import train_test_split

sys.dont_write_bytecode = True  # keep the example folders free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import axon_examples as ax  # noqa: E402

OUT = ax.here(__file__)
DEFAULT_DATA = os.path.normpath(os.path.join(OUT, "..", "..", "..", "shared", "datasets", "uci"))
DATASETS = ["breast_cancer", "cardio", "seeds", "vertebral", "redwine", "whitewine", "balance"]
# Float accuracies reported for small printed MLPs (task brief and the dataset README).
LITERATURE = {"breast_cancer": 0.96, "cardio": 0.88, "seeds": 0.90, "vertebral": 0.83,
              "redwine": 0.56, "whitewine": 0.53, "balance": 0.86}
HIDDEN = [2, 3, 4, 5]
SEEDS = [0, 1, 2]
EPOCHS = 1500
LR = 0.02


def load_split(data_dir, name):
    folder = os.path.join(data_dir, name)
    prefix = "" if os.path.exists(os.path.join(folder, "train.csv")) else "esl24_"
    x_tr, y_tr = ax.read_csv(os.path.join(folder, prefix + "train.csv"))
    x_te, y_te = ax.read_csv(os.path.join(folder, prefix + "test.csv"))
    return prefix, x_tr, y_tr, x_te, y_te


def scale(x, lo, hi):
    span = np.where(hi > lo, hi - lo, 1.0)
    return (x - lo) / span


def make_mlp(n_in, hidden, n_out):
    return torch.nn.Sequential(torch.nn.Linear(n_in, hidden), torch.nn.ReLU(),
                               torch.nn.Linear(hidden, n_out))


def train(x, y, hidden, n_out, seed):
    """Full-batch Adam with cosine decay; deterministic for a given seed."""
    ax.set_determinism(seed)
    net = make_mlp(x.shape[1], hidden, n_out)
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, EPOCHS)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(EPOCHS):
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()
        sched.step()
    return net.eval()


def select(x, y, n_out):
    """Ranks (hidden, seed) on a stratified hold-out of the training rows."""
    x_fit, x_val, y_fit, y_val = train_test_split(x, y, test_size=0.25, random_state=0,
                                                  stratify=y)
    tx_fit, tx_val = torch.tensor(x_fit, dtype=torch.float32), torch.tensor(x_val, dtype=torch.float32)
    ty_fit, ty_val = torch.tensor(y_fit), torch.tensor(y_val)
    table = []
    for hidden in HIDDEN:
        for seed in SEEDS:
            net = train(tx_fit, ty_fit, hidden, n_out, seed)
            with torch.no_grad():
                table.append({"hidden": hidden, "seed": seed,
                              "holdout_acc": ax.accuracy(net(tx_val), ty_val)})
    best = max(table, key=lambda r: (r["holdout_acc"], -r["hidden"], -r["seed"]))
    return best, table


def run_dataset(data_dir, name):
    t0 = time.time()
    prefix, x_tr_raw, y_tr, x_te_raw, y_te = load_split(data_dir, name)
    lo, hi = x_tr_raw.min(axis=0), x_tr_raw.max(axis=0)
    x_tr, x_te = scale(x_tr_raw, lo, hi), scale(x_te_raw, lo, hi)
    n_in, n_out = x_tr.shape[1], int(max(y_tr.max(), y_te.max())) + 1

    best, table = select(x_tr, y_tr, n_out)
    tx_tr, tx_te = torch.tensor(x_tr, dtype=torch.float32), torch.tensor(x_te, dtype=torch.float32)
    ty_tr, ty_te = torch.tensor(y_tr), torch.tensor(y_te)
    net = train(tx_tr, ty_tr, best["hidden"], n_out, best["seed"])
    model = ax.export_onnx(net, tx_te[:1], os.path.join(OUT, name + ".onnx"))
    onnx_pred = ax.run_onnx(model, x_te).argmax(axis=1)
    with torch.no_grad():
        entry = {
            "split": "%strain.csv / %stest.csv" % (prefix, prefix),
            "train_rows": len(y_tr), "test_rows": len(y_te),
            "topology": "%d-%d-%d" % (n_in, best["hidden"], n_out),
            "hidden": best["hidden"], "seed": best["seed"],
            "ops": ax.onnx_ops(model),
            "train_acc": ax.accuracy(net(tx_tr), ty_tr),
            "test_acc": ax.accuracy(net(tx_te), ty_te),
            "onnx_numpy_test_acc": float((onnx_pred == y_te).mean()),
            "literature_acc": LITERATURE[name],
            "feature_min": [float(v) for v in lo], "feature_max": [float(v) for v in hi],
            "scaling": "x' = (x - feature_min) / (feature_max - feature_min), training rows, "
                       "no clipping",
            "selection": table}
    print("%-14s %-9s train %.4f test %.4f onnx %.4f (literature ~%.2f)  %.1f s" % (
        name, entry["topology"], entry["train_acc"], entry["test_acc"],
        entry["onnx_numpy_test_acc"], LITERATURE[name], time.time() - t0))
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--only", nargs="*", default=DATASETS)
    args = parser.parse_args()
    path = os.path.join(OUT, "models.json")
    models = ax.read_json(path) if os.path.exists(path) else {}
    for name in args.only:
        models[name] = run_dataset(args.data, name)
    ax.write_json(path, {k: models[k] for k in DATASETS if k in models})


if __name__ == "__main__":
    main()
