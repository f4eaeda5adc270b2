"""axon_examples.py - helpers shared by the example training scripts.

Why: the digits, UCI and BNN examples all need the same three things --
deterministic torch setup, binarized layers trained with a straight-through
estimator (STE), and an independent check that the exported ONNX file computes
what the trained network computes. The check is a small numpy interpreter for
the ONNX operators the examples use (written from the ONNX operator spec), so
the accuracy reported for an .onnx file is measured on the file itself, not on
the torch module that produced it.
"""

import csv
import json
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper


# --------------------------------------------------------------------------
# Determinism
# --------------------------------------------------------------------------
def set_determinism(seed):
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(seed)
    np.random.seed(seed)


# --------------------------------------------------------------------------
# Binarized layers (STE)
# --------------------------------------------------------------------------
class SignSTE(torch.autograd.Function):
    """Forward: +1 if x >= 0 else -1. Backward: identity inside [-1, 1] (hardtanh STE)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.where(x >= 0, torch.ones_like(x), -torch.ones_like(x))

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * (x.abs() <= 1).to(grad.dtype)


def binarize(x):
    return SignSTE.apply(x)


class BinaryLinear(torch.nn.Linear):
    """Linear layer without bias whose forward pass uses sign(weight) in {-1, +1}."""

    def __init__(self, n_in, n_out):
        super().__init__(n_in, n_out, bias=False)
        torch.nn.init.uniform_(self.weight, -1.0, 1.0)

    def forward(self, x):
        return torch.nn.functional.linear(x, binarize(self.weight))

    def clamp_(self):
        with torch.no_grad():
            self.weight.clamp_(-1.0, 1.0)


class BNN(torch.nn.Module):
    """BinaryLinear -> BatchNorm -> Sign ... -> BinaryLinear -> BatchNorm (logits)."""

    def __init__(self, sizes):
        super().__init__()
        self.linears = torch.nn.ModuleList(
            [BinaryLinear(a, b) for a, b in zip(sizes[:-1], sizes[1:])])
        self.norms = torch.nn.ModuleList([torch.nn.BatchNorm1d(b) for b in sizes[1:]])

    def forward(self, x):
        last = len(self.linears) - 1
        for i, (lin, bn) in enumerate(zip(self.linears, self.norms)):
            x = bn(lin(x))
            if i != last:
                x = binarize(x)
        return x

    def clamp_(self):
        for lin in self.linears:
            lin.clamp_()


class _ExportSign(torch.nn.Module):
    def forward(self, x):
        return torch.sign(x)  # exported as ONNX Sign


class _ExportArgMax(torch.nn.Module):
    def forward(self, x):
        return torch.argmax(x, dim=1, keepdim=True)  # exported as ONNX ArgMax


def bnn_export_module(net):
    """A plain torch module whose Linear weights ARE the +-1 values of `net`."""
    layers = []
    last = len(net.linears) - 1
    for i, (lin, bn) in enumerate(zip(net.linears, net.norms)):
        plain = torch.nn.Linear(lin.in_features, lin.out_features, bias=False)
        with torch.no_grad():
            plain.weight.copy_(torch.where(lin.weight >= 0, 1.0, -1.0))
        norm = torch.nn.BatchNorm1d(bn.num_features, eps=bn.eps)
        norm.load_state_dict(bn.state_dict())
        layers += [plain, norm, _ExportSign() if i != last else _ExportArgMax()]
    return torch.nn.Sequential(*layers).eval()


def train_bnn(net, x, y, epochs, lr, batch, seed):
    """Adam on latent weights, latent weights clipped to [-1, 1] after each step."""
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        net.train()
        perm = torch.randperm(len(x), generator=gen)
        for start in range(0, len(x), batch):
            idx = perm[start:start + batch]
            if len(idx) < 2:
                continue
            opt.zero_grad()
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()
            net.clamp_()
        sched.step()
    net.eval()
    return net


def accuracy(logits, y):
    return int((logits.argmax(dim=1) == y).sum()) / len(y)


def export_onnx(module, example, path, opset=13):
    """torch.onnx.export with a static batch-1 input named 'input', output 'output'."""
    module.eval()
    torch.onnx.export(module, example, path, opset_version=opset, input_names=["input"],
                      output_names=["output"], do_constant_folding=True,
                      dynamic_axes=None)
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    return model


# --------------------------------------------------------------------------
# numpy ONNX interpreter (the operators the examples produce)
# --------------------------------------------------------------------------
def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _conv(x, w, b, at):
    strides = at.get("strides", [1, 1])
    pads = at.get("pads", [0, 0, 0, 0])
    if at.get("group", 1) != 1 or any(d != 1 for d in at.get("dilations", [1, 1])):
        raise NotImplementedError("grouped/dilated Conv")
    n, c, h, wd = x.shape
    m, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    oh = (h + pads[0] + pads[2] - kh) // strides[0] + 1
    ow = (wd + pads[1] + pads[3] - kw) // strides[1] + 1
    cols = np.empty((n, c, kh, kw, oh, ow), x.dtype)
    for p in range(kh):
        for q in range(kw):
            cols[:, :, p, q] = xp[:, :, p:p + strides[0] * oh:strides[0],
                                  q:q + strides[1] * ow:strides[1]]
    y = np.einsum("nckloh,mckl->nmoh", cols.reshape(n, c, kh, kw, oh, ow), w)
    return y + (b.reshape(1, -1, 1, 1) if b is not None else 0)


def _avgpool(x, at):
    k, s = at["kernel_shape"], at.get("strides", at["kernel_shape"])
    if any(at.get("pads", [0, 0, 0, 0])):
        raise NotImplementedError("padded AveragePool")
    n, c, h, w = x.shape
    oh, ow = (h - k[0]) // s[0] + 1, (w - k[1]) // s[1] + 1
    acc = np.zeros((n, c, oh, ow), x.dtype)
    for p in range(k[0]):
        for q in range(k[1]):
            acc += x[:, :, p:p + s[0] * oh:s[0], q:q + s[1] * ow:s[1]]
    return acc / (k[0] * k[1])


def _gemm(a, b, c, at):
    a = a.T if at.get("transA", 0) else a
    b = b.T if at.get("transB", 0) else b
    y = at.get("alpha", 1.0) * (a @ b)
    return y + at.get("beta", 1.0) * c if c is not None else y


def _run_node(node, v):
    at, ins = _attrs(node), [v[i] if i else None for i in node.input]
    op = node.op_type
    if op == "Gemm":
        return _gemm(ins[0], ins[1], ins[2] if len(ins) > 2 else None, at)
    if op == "MatMul":
        return ins[0] @ ins[1]
    if op == "Add":
        return ins[0] + ins[1]
    if op == "Relu":
        return np.maximum(ins[0], 0)
    if op == "Sign":
        return np.sign(ins[0])
    if op == "Identity":
        return ins[0]
    if op == "Flatten":
        axis = at.get("axis", 1)
        return ins[0].reshape(int(np.prod(ins[0].shape[:axis])), -1)
    if op == "Conv":
        return _conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, at)
    if op == "AveragePool":
        return _avgpool(ins[0], at)
    if op == "BatchNormalization":
        x, scale, bias, mean, var = ins[:5]
        shape = (1, -1) + (1,) * (x.ndim - 2)
        inv = scale / np.sqrt(var + at.get("epsilon", 1e-5))
        return (x - mean.reshape(shape)) * inv.reshape(shape) + bias.reshape(shape)
    if op == "ArgMax":
        y = np.argmax(ins[0], axis=at.get("axis", 0))
        return np.expand_dims(y, at.get("axis", 0)) if at.get("keepdims", 1) else y
    if op == "Constant":
        return numpy_helper.to_array(at["value"])
    raise NotImplementedError(op)


def onnx_ops(model):
    return [n.op_type for n in model.graph.node]


def run_onnx(model, x, trace=None):
    """Evaluates `model` on a batch x (the batch-1 graph is applied row-wise,
    vectorized: every operator used here is batch-independent). If `trace` is
    a dict, every intermediate value is stored in it by name."""
    values = {t.name: numpy_helper.to_array(t).astype(np.float64) if
              t.data_type == onnx.TensorProto.FLOAT else numpy_helper.to_array(t)
              for t in model.graph.initializer}
    values[model.graph.input[0].name] = np.asarray(x, np.float64)
    for node in model.graph.node:
        outs = _run_node(node, values)
        values[node.output[0]] = outs
    if trace is not None:
        trace.update(values)
    return values[model.graph.output[0].name]


def sign_input_zeros(model, trace):
    """How many inputs of ONNX Sign nodes were exactly 0 (Sign(0) = 0 in ONNX,
    while the trained network maps 0 to +1); 0 means export and training agree."""
    return int(sum(int((trace[n.input[0]] == 0).sum()) for n in model.graph.node
                   if n.op_type == "Sign"))


def count_initializer_values(model):
    """{initializer name: sorted unique values} of every MatMul/Gemm weight initializer."""
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    out = {}
    for node in model.graph.node:
        if node.op_type in ("MatMul", "Gemm") and node.input[1] in inits:
            out[node.input[1]] = [float(u) for u in np.unique(inits[node.input[1]])]
    return out


# --------------------------------------------------------------------------
# CSV / JSON output
# --------------------------------------------------------------------------
def fmt(v):
    """Shortest round-trip text for a feature value (ints stay ints)."""
    f = float(v)
    return str(int(f)) if f == int(f) and abs(f) < 1e15 else repr(f)


def write_csv(path, x, y):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["f%d" % i for i in range(x.shape[1])] + ["label"])
        for row, label in zip(x, y):
            w.writerow([fmt(v) for v in row] + [int(label)])


def read_csv(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    data = np.array([[float(v) for v in r] for r in rows[1:]])
    return data[:, :-1], data[:, -1].astype(np.int64)


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")


def here(file):
    return os.path.dirname(os.path.abspath(file))


def read_json(path):
    with open(path) as f:
        return json.load(f)
