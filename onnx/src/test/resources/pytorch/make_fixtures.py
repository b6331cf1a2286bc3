"""Makes the PyTorch-exported ONNX fixtures of chainrule-onnx's import tests, with PyTorch's own outputs beside them.

Run from this folder (/usr/bin/python3 with torch 1.13; no onnx package needed):
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 make_fixtures.py
Each model NAME gives NAME.onnx (opset 17, dynamic batch), NAME.input.csv (the rows PyTorch was given, flattened)
and NAME.output.csv (what it answered), one row per line, float32 values written in full.
"""
import torch
from torch import nn

torch.manual_seed(19)


def train_briefly(model, inputs, width):
    """A few SGD steps in training mode, so that batch norm's running statistics are not their initial values."""
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(20):
        x = torch.randn(32, *inputs) * 2 + 0.5
        loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def export(name, model, inputs, train=False):
    width = 1
    for size in inputs:
        width *= size
    if train:
        model.train()
        train_briefly(model, inputs, width)
    model.eval()
    x = torch.randn(7, *inputs) * 2
    with torch.no_grad():
        y = model(x)
    torch.onnx.export(model, x, name + ".onnx", opset_version=17, input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    write(name + ".input.csv", x.reshape(7, width).tolist())
    write(name + ".output.csv", y.tolist())


def write(path, rows):
    with open(path, "w") as out:
        for row in rows:
            out.write(",".join(repr(value) for value in row) + "\n")


export("mlp", nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 3),
                            nn.Softmax(dim=1)), (4,))
export("batchnorm", nn.Sequential(nn.Linear(5, 12), nn.BatchNorm1d(12), nn.LeakyReLU(0.1), nn.Dropout(0.2),
                                  nn.Linear(12, 4), nn.Sigmoid()), (5,), train=True)
export("layernorm", nn.Sequential(nn.Flatten(), nn.Linear(6, 10), nn.LayerNorm(10), nn.ELU(), nn.Linear(10, 2)),
       (2, 3), train=True)
export("activations", nn.Sequential(nn.Linear(3, 6), nn.SELU(), nn.Linear(6, 6), nn.Hardswish(), nn.Linear(6, 6),
                                    nn.Softplus(), nn.Linear(6, 6), nn.Hardsigmoid(), nn.Linear(6, 6), nn.ReLU6(),
                                    nn.Linear(6, 6), nn.PReLU(6), nn.Linear(6, 6), nn.CELU(1.5), nn.Linear(6, 6),
                                    nn.Sigmoid(), nn.Linear(6, 6), nn.Hardtanh(-0.5, 0.8), nn.Linear(6, 5, bias=False),
                                    nn.LogSoftmax(dim=1)), (3,))
