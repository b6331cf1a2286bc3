package dev.chainrule.core.network;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * What a forward pass of one batch size writes besides its final output: each layer's output and each layer's
 * {@link LayerMemory}. Made by {@link Network#forwardBuffers(int)}; one set serves one pass at a time, so a thread
 * that predicts keeps its own. After a pass, {@link #output(int)} holds each layer's output (the last layer's is the
 * caller's {@code out}).
 */
public final class ForwardBuffers {

    private final Network network;
    private final int rows;
    private final Tensor[] outputs;
    private final LayerMemory[] memories;

    ForwardBuffers(Network network, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, got " + rows);
        }
        this.network = network;
        this.rows = rows;
        int n = network.layers().size();
        this.outputs = new Tensor[n];
        this.memories = new LayerMemory[n];
        for (int k = 1; k <= n; k++) {
            memories[k - 1] = new LayerMemory(network.backend(), network.dtype(), rows);
            if (k < n) {
                outputs[k - 1] = network.backend().zeros(network.dtype(), new Shape(rows, network.outputShape(k).size()));
            }
        }
    }

    /** The batch size these buffers serve. */
    public int rows() {
        return rows;
    }

    /** Layer {@code k}'s output buffer (from 1 to n - 1: the last layer writes the caller's {@code out}). */
    public Tensor output(int k) {
        if (k < 1 || k >= outputs.length) {
            throw new IllegalArgumentException("layer " + k + "'s output is not kept here; these buffers hold the "
                    + "outputs of layers 1 to " + (outputs.length - 1));
        }
        return outputs[k - 1];
    }

    /** Layer {@code k}'s memory (from 1). */
    public LayerMemory memory(int k) {
        return memories[k - 1];
    }

    void check(Network owner, Tensor x, Tensor out) {
        if (owner != network) {
            throw new IllegalArgumentException("these buffers were made for another network");
        }
        if (x.rows() != rows || x.columns() != network.inputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs per row and these "
                    + "buffers " + rows + " rows, but the batch is " + x.shape());
        }
        if (out.rows() != rows || out.columns() != network.outputs()) {
            throw new IllegalArgumentException("the output must be " + rows + "x" + network.outputs() + ", got "
                    + out.shape());
        }
    }
}
