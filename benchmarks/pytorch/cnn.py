#!/usr/bin/python3
"""The CNN of Chainrule's convolution benchmark in PyTorch, for the ratio CnnBenchmark reports.

1x28x28 -> conv 32 3x3 same relu -> max pool 2 -> conv 64 3x3 same relu -> max pool 2 -> flatten -> 128 relu -> 10,
float32, categorical cross-entropy on the logits (the fused form Chainrule uses too), Adam(lr=0.001), batch 64, on the
first ROWS of Fashion-MNIST's training images when the folder has them, else random rows of the same size. After one
warm-up epoch over the rows, the measured epochs; one JSON line on standard output:

  {"measure": "cnn_training", "rows": ..., "samples_per_second": ...}

Run by CnnBenchmark with Debian's OpenBLAS first on LD_LIBRARY_PATH and two threads; by hand:

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \\
      /usr/bin/python3 cnn.py --threads 2 [--rows 6400] [--epochs 1]
"""
import argparse
import gzip
import json
import os
import time

import torch

BATCH, CLASSES = 64, 10


def load(folder, rows):
    images = os.path.join(folder, "train-images-idx3-ubyte.gz")
    labels = os.path.join(folder, "train-labels-idx1-ubyte.gz")
    if os.path.exists(images) and os.path.exists(labels):
        with gzip.open(images, "rb") as f:
            x = torch.frombuffer(bytearray(f.read()[16:]), dtype=torch.uint8).reshape(-1, 1, 28, 28)[:rows]
        with gzip.open(labels, "rb") as f:
            y = torch.frombuffer(bytearray(f.read()[8:]), dtype=torch.uint8).long()[:rows]
        return x.float().div_(255), y
    generator = torch.Generator().manual_seed(11)
    return (torch.randint(0, 256, (rows, 1, 28, 28), generator=generator, dtype=torch.uint8).float().div_(255),
            torch.randint(0, CLASSES, (rows,), generator=generator))


def cnn():
    torch.manual_seed(7)
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3, padding="same"), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(32, 64, 3, padding="same"), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(64 * 7 * 7, 128), torch.nn.ReLU(), torch.nn.Linear(128, CLASSES))


def epoch(model, optimizer, loss_function, x, y, generator):
    """One epoch as Chainrule's Trainer runs it: shuffled batches, the loss and the batch's accuracy read back."""
    model.train()
    order = torch.randperm(x.shape[0], generator=generator)
    correct = 0
    for start in range(0, x.shape[0], BATCH):
        rows = order[start:start + BATCH]
        xb, yb = x[rows], y[rows]
        optimizer.zero_grad(set_to_none=True)
        logits = model(xb)
        loss = loss_function(logits, yb)
        loss.backward()
        optimizer.step()
        loss.item()
        correct += (logits.argmax(1) == yb).sum().item()
    return correct / x.shape[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rows", type=int, default=6400)
    parser.add_argument("--epochs", type=int, default=1)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    x, y = load(arguments.data, arguments.rows)
    model = cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_function = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(3)
    epoch(model, optimizer, loss_function, x, y, generator)  # warm-up
    start = time.perf_counter()
    for _ in range(arguments.epochs):
        epoch(model, optimizer, loss_function, x, y, generator)
    seconds = time.perf_counter() - start
    print(json.dumps({"measure": "cnn_training", "rows": x.shape[0],
                      "samples_per_second": x.shape[0] * arguments.epochs / seconds}), flush=True)


if __name__ == "__main__":
    main()
