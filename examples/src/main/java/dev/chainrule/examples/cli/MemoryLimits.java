package dev.chainrule.examples.cli;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.MemorySize;

/**
 * What training may allocate, checked before it does so against the heap this JVM may use ({@code -Xmx}): the
 * parameters (training keeps about {@value #TRAINING_COPIES} copies of them: values, gradients and an optimizer's two
 * moments) and a batch's activations and gradients. Products are taken in {@code long}.
 */
final class MemoryLimits {

    /** Copies of the parameters that training keeps. */
    static final int TRAINING_COPIES = 4;
    /** Numbers per unit and row that a batch keeps: outputs, what layers remember for backward, gradients. */
    static final int BATCH_COPIES = 3;

    private final long heap;

    MemoryLimits(long heap) {
        this.heap = heap;
    }

    /** The limits of this JVM. */
    static MemoryLimits ofThisJvm() {
        return new MemoryLimits(Runtime.getRuntime().maxMemory());
    }

    /** Limits {@code builder}'s parameters to the share of the heap that training leaves them. */
    NetworkBuilder limit(NetworkBuilder builder) {
        return builder.memoryLimit(heap / TRAINING_COPIES, "a quarter of the " + MemorySize.format(heap)
                + " this JVM may use (training keeps about " + TRAINING_COPIES + " copies of the parameters); use fewer "
                + "units or raise -Xmx");
    }

    /**
     * Fails with a usage error when a batch of {@code batchSize} (at most {@code rows}, the training rows) through
     * {@code network} needs more memory than the heap leaves beside the parameters.
     */
    void checkBatch(int batchSize, int rows, Network network) {
        long batchRows = Math.min(batchSize, rows);
        long perRow = network.inputs();
        for (int k = 1; k <= network.layers().size(); k++) {
            perRow += network.outputShape(k).size();
        }
        long bytesPerValue = MemorySize.bytes(1, network.dtype());
        long needed = saturatingProduct(batchRows * perRow, BATCH_COPIES * bytesPerValue);
        long parameters = saturatingProduct(network.parameterCount(), TRAINING_COPIES * bytesPerValue);
        long left = heap - parameters;
        if (needed > left) {
            throw new UsageException("--batch-size " + batchSize + ": a batch of " + batchRows + " rows through this "
                    + "network needs about " + MemorySize.format(needed) + " for its activations and gradients, more "
                    + "than the " + MemorySize.format(Math.max(0, left)) + " of the " + MemorySize.format(heap)
                    + " this JVM may use that the parameters leave; use a smaller --batch-size or raise -Xmx");
        }
    }

    private static long saturatingProduct(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
