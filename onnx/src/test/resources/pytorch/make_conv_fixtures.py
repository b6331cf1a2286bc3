"""Makes the PyTorch-exported convolutional ONNX fixtures of chainrule-onnx's import tests, with PyTorch's outputs.

Run from this folder (/usr/bin/python3 with torch 1.13; no onnx package needed):
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 make_conv_fixtures.py
Each imported model NAME gives NAME.onnx (opset 17, dynamic batch), NAME.input.csv (the images PyTorch was given,
flattened channels first, one per line) and NAME.output.csv (what it answered), float32 values written in full.
The models under "refused" are written as NAME.onnx only: Chainrule must refuse each with its operator and reason.
(PyTorch writes AdaptiveMaxPool2d(1) of a known size as a MaxPool, not GlobalMaxPool; the tests edit a graph for that.)
"""
import torch
from torch import nn

torch.manual_seed(23)


class View(nn.Module):
    """x.view(x.size(0), -1), which the exporter writes as Shape, Gather, Unsqueeze, Concat and Reshape."""

    def forward(self, x):
        return x.view(x.size(0), -1)


class ChannelsLast(nn.Module):
    """Takes NHWC images and turns them channels first, as a Keras model converted by tf2onnx does (a Transpose)."""

    def forward(self, x):
        return x.permute(0, 3, 1, 2)


def train_briefly(model, inputs):
    """A few SGD steps in training mode, so that batch norm's running statistics are not their initial values."""
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(10):
        loss = model(torch.randn(16, *inputs) + 0.5).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def write(path, rows):
    with open(path, "w") as out:
        for row in rows:
            out.write(",".join(repr(value) for value in row) + "\n")


def export(name, model, inputs, train=False, record=True, **options):
    width = 1
    for size in inputs:
        width *= size
    if train:
        model.train()
        train_briefly(model, inputs)
    model.eval()
    x = torch.randn(5, *inputs)
    with torch.no_grad():
        y = model(x)
    torch.onnx.export(model, x, name + ".onnx", opset_version=17, input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, **options)
    if record:
        write(name + ".input.csv", x.reshape(5, width).tolist())
        write(name + ".output.csv", y.reshape(5, -1).tolist())


export("cnn", nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 6, 3, padding=1),
                            nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(24, 5)), (1, 8, 8))
export("cnn_view", nn.Sequential(nn.Conv2d(2, 3, 3), nn.Tanh(), nn.MaxPool2d(2), View(), nn.Linear(27, 4),
                                 nn.Softmax(dim=1)), (2, 8, 8))
export("strided", nn.Sequential(nn.Conv2d(2, 3, 3, stride=2), nn.Sigmoid(), nn.Conv2d(3, 4, 2, stride=2),
                                nn.Flatten(), nn.Linear(16, 3)), (2, 9, 9))
export("strided_dilated_pool", nn.Sequential(nn.Conv2d(3, 4, 3, dilation=2, padding=2), nn.ELU(),
                                             nn.AvgPool2d(3, stride=1, padding=1), nn.Conv2d(4, 5, 3, stride=2, padding=1),
                                             nn.LeakyReLU(0.1), nn.MaxPool2d(3, stride=1, padding=1, dilation=2),
                                             nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(5, 2)), (3, 10, 9))
export("lenet", nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.AvgPool2d(2), nn.Conv2d(6, 16, 5),
                              nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(),
                              nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10)), (1, 28, 28))
# eval mode: the exporter folds BatchNorm2d into the Conv before it
export("conv_bn", nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                                nn.Linear(36, 3)), (1, 8, 8), train=True)
# TrainingMode.PRESERVE keeps BatchNormalization after the Conv in the graph; Chainrule folds it itself
export("conv_bn_kept", nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                                     nn.Flatten(), nn.Linear(36, 3)), (1, 8, 8), train=True,
       training=torch.onnx.TrainingMode.PRESERVE)

# refused
export("refused_bn_after_relu", nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.BatchNorm2d(4), nn.Flatten(),
                                              nn.Linear(144, 2)), (1, 8, 8), train=True, record=False,
       training=torch.onnx.TrainingMode.PRESERVE)
export("refused_groups", nn.Sequential(nn.Conv2d(2, 4, 3, groups=2), nn.Flatten()), (2, 5, 5), record=False)
export("refused_rectangular", nn.Sequential(nn.Conv2d(1, 2, (3, 1)), nn.Flatten()), (1, 5, 5), record=False)
export("refused_ceil_mode", nn.Sequential(nn.Conv2d(1, 2, 2), nn.MaxPool2d(2, ceil_mode=True), nn.Flatten()),
       (1, 6, 6), record=False)
export("refused_channels_last", nn.Sequential(ChannelsLast(), nn.Conv2d(3, 2, 3), nn.Flatten()), (5, 5, 3),
       record=False)
