#!/usr/bin/python3
"""The seed network of Chainrule's benchmarks in PyTorch, for the report's ratios.

784 -> 256 tanh -> 128 sigmoid -> 64 relu -> 10 softmax, float32, categorical cross-entropy (PyTorch's
CrossEntropyLoss on the logits, the fused form Chainrule uses too), batch 128, on Fashion-MNIST's IDX files when the
folder has them, else random rows of the same size. One JSON object per line on standard output:

  {"measure": "training", "optimizer": "sgd", "samples_per_second": ...}
  {"measure": "inference", "batch": 1, "seconds": ...}
  {"measure": "peak_memory", "bytes": ...}

Run by BenchmarkMain with Debian's OpenBLAS first on LD_LIBRARY_PATH (Debian's default libblas is the slow reference
BLAS) and two threads; by hand:

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \\
      /usr/bin/python3 seed_network.py --threads 2 [--quick] [--only training|inference|memory]

"peak_memory" trains one epoch with Adam and validates on the test rows, in a process of its own (the script runs
itself again), and reports that process's VmHWM, as the Java benchmark does.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import time

import torch

INPUTS, CLASSES, BATCH = 784, 10, 128
TRAINING_ROWS, TEST_ROWS = 60_000, 10_000
OPTIMIZERS = {"sgd": lambda p: torch.optim.SGD(p, lr=0.05), "adam": lambda p: torch.optim.Adam(p, lr=0.001)}


def read_idx(path, images):
    with gzip.open(path, "rb") as f:
        data = f.read()
    offset = 16 if images else 8
    array = torch.frombuffer(bytearray(data[offset:]), dtype=torch.uint8)
    return array.reshape(-1, INPUTS) if images else array.long()


def load(folder, training):
    prefix = "train" if training else "t10k"
    images = os.path.join(folder, prefix + "-images-idx3-ubyte.gz")
    labels = os.path.join(folder, prefix + "-labels-idx1-ubyte.gz")
    if os.path.exists(images) and os.path.exists(labels):
        return read_idx(images, True).float().div_(255), read_idx(labels, False)
    generator = torch.Generator().manual_seed(11 if training else 12)
    rows = TRAINING_ROWS if training else TEST_ROWS
    return (torch.randint(0, 256, (rows, INPUTS), generator=generator, dtype=torch.uint8).float().div_(255),
            torch.randint(0, CLASSES, (rows,), generator=generator))


def seed_network():
    torch.manual_seed(7)
    return torch.nn.Sequential(
        torch.nn.Linear(INPUTS, 256), torch.nn.Tanh(),
        torch.nn.Linear(256, 128), torch.nn.Sigmoid(),
        torch.nn.Linear(128, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, CLASSES))


def epoch(model, optimizer, loss_function, x, y, generator):
    """One epoch as Chainrule's Trainer runs it: shuffled batches, the loss and the batch's accuracy read back."""
    model.train()
    order = torch.randperm(x.shape[0], generator=generator)
    correct = 0
    loss_sum = 0.0
    for start in range(0, x.shape[0], BATCH):
        rows = order[start:start + BATCH]
        xb, yb = x[rows], y[rows]
        optimizer.zero_grad(set_to_none=True)
        logits = model(xb)
        loss = loss_function(logits, yb)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * len(rows)
        correct += (logits.argmax(1) == yb).sum().item()
    return loss_sum / x.shape[0], correct / x.shape[0]


def training(x, y, name, repeats):
    model = seed_network()
    optimizer = OPTIMIZERS[name](model.parameters())
    loss_function = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(3)
    epoch(model, optimizer, loss_function, x, y, generator)  # warm-up, as the Java benchmark's first invocation
    start = time.perf_counter()
    for _ in range(repeats):
        epoch(model, optimizer, loss_function, x, y, generator)
    return x.shape[0] * repeats / (time.perf_counter() - start)


def inference(batch, seconds):
    model = seed_network().eval()
    x = torch.rand(batch, INPUTS, generator=torch.Generator().manual_seed(5))
    with torch.inference_mode():
        calls = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds / 3:  # warm-up
            torch.softmax(model(x), 1)
        start = time.perf_counter()
        while True:
            torch.softmax(model(x), 1)
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return elapsed / calls


def peak_memory(folder):
    """The child's work: load, train one epoch with Adam, validate on the test rows; VmHWM in bytes."""
    x, y = load(folder, True)
    tx, ty = load(folder, False)
    model = seed_network()
    epoch(model, OPTIMIZERS["adam"](model.parameters()), torch.nn.CrossEntropyLoss(), x, y,
          torch.Generator().manual_seed(3))
    model.eval()
    with torch.inference_mode():
        for start in range(0, tx.shape[0], BATCH):
            torch.nn.functional.cross_entropy(model(tx[start:start + BATCH]), ty[start:start + BATCH])
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def emit(**values):
    print(json.dumps(values), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="one short measurement of each")
    parser.add_argument("--only", choices=["training", "inference", "memory", "memory-child"])
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    if arguments.only == "memory-child":
        emit(measure="peak_memory", bytes=peak_memory(arguments.data))
        return
    if arguments.only in (None, "training"):
        x, y = load(arguments.data, True)
        if arguments.quick:
            x, y = x[:6400], y[:6400]
        for name in OPTIMIZERS:
            emit(measure="training", optimizer=name, samples_per_second=training(x, y, name, 1 if arguments.quick else 3))
        del x, y
    if arguments.only in (None, "inference"):
        for batch in (1, 1024):
            emit(measure="inference", batch=batch, seconds=inference(batch, 0.3 if arguments.quick else 2.0))
    if arguments.only in (None, "memory"):
        child = subprocess.run([sys.executable, os.path.abspath(__file__), "--data", arguments.data, "--threads",
                                str(arguments.threads), "--only", "memory-child"], stdout=subprocess.PIPE, check=True,
                               text=True)
        sys.stdout.write(child.stdout)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
