#!/usr/bin/env python3
"""Projects the measured Spark cost model (docs/scale-out.md) to E executors and a network bandwidth.

Usage: scale_out_projection.py COMPUTE_MS_PER_SAMPLE OVERHEAD_MS_PER_ROUND PARAMETERS [BATCH] [LOCAL_STEPS]

Synchronous round:   t = o + c*b/E + (1 + ceil(sqrt(E))) * S / BW
Averaging round:     t = o + c*K*b/E + (1 + ceil(sqrt(E))) * S * (1 + m) / BW    (K steps' worth of rows)
S = parameters * 8 bytes (parameters and sums travel as doubles), m = 2 optimizer moments (Adam) averaged too;
the driver sends the broadcast once (torrent) and receives ceil(sqrt(E)) partial sums (treeAggregate, depth 2).
"""
import math
import sys


def round_time(c, o, s, e, bw, rows, moments):
    transfer = (1 + math.ceil(math.sqrt(e))) * s * (1 + moments) / bw
    return o + c * rows / e + transfer


def main():
    c = float(sys.argv[1]) / 1000
    o = float(sys.argv[2]) / 1000
    parameters = int(sys.argv[3])
    batch = int(sys.argv[4]) if len(sys.argv) > 4 else 128
    k = int(sys.argv[5]) if len(sys.argv) > 5 else 8
    s = parameters * 8
    print("| executors | Gbit/s | synchronous, batch %d: samples/s (x one machine) | averaging, K=%d: samples/s (x one machine) "
          "| batch for 80%% compute (synchronous) |" % (batch, k))
    print("| --- | --- | --- | --- | --- |")
    for e in (8, 32, 128):
        for gbit in (1, 10, 25):
            bw = gbit * 1e9 / 8
            sync = batch / round_time(c, o, s, e, bw, batch, 0)
            avg = k * batch / round_time(c, o, s, e, bw, k * batch, 2)
            fixed = o + (1 + math.ceil(math.sqrt(e))) * s / bw
            efficient = 4 * fixed * e / c
            print("| %d | %d | %s (%.2f) | %s (%.2f) | %s |" % (e, gbit, f"{sync:,.0f}", sync * c, f"{avg:,.0f}", avg * c,
                                                            f"{efficient:,.0f}"))


if __name__ == "__main__":
    main()
