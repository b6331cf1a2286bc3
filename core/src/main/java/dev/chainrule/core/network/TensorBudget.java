package dev.chainrule.core.network;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.MemorySize;
import dev.chainrule.core.tensor.Shape;

/**
 * The memory that a network's parameter and state tensors may take together, counted as layers ask
 * {@link LayerBinding} for them, so that a network too large for its limit fails before the tensor that breaks the
 * limit is allocated, with a message naming the layer, the tensor and the memory. Not thread-safe: one budget serves
 * one {@link NetworkBuilder#build}.
 */
public final class TensorBudget {

    private final long limitBytes;
    private final String limit;
    private final DType dtype;
    private long usedBytes;

    /**
     * A budget of {@code limitBytes} for tensors of {@code dtype}.
     *
     * @param limit what the limit is, for messages: {@code "the 1.2 KB of values in model.crm"}
     */
    public TensorBudget(long limitBytes, String limit, DType dtype) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("a memory limit must be >= 0 bytes, got " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.limit = limit;
        this.dtype = dtype;
    }

    /** A budget without limit. */
    public static TensorBudget unlimited(DType dtype) {
        return new TensorBudget(Long.MAX_VALUE, "no limit", dtype);
    }

    /** Counts a tensor of {@code shape} for layer {@code layer}, or refuses it when it breaks the limit. */
    public void reserve(int layer, Shape shape) {
        long bytes = MemorySize.bytes((long) shape.rows() * shape.columns(), dtype);
        if (bytes > limitBytes - usedBytes) {
            throw new IllegalArgumentException("layer " + layer + " needs a " + shape + " tensor ("
                    + MemorySize.format(bytes) + " as " + dtype.label() + "), which brings the network's parameters "
                    + "and state to " + MemorySize.format(usedBytes + bytes) + ", more than " + limit);
        }
        usedBytes += bytes;
    }

    /** The bytes counted so far. */
    public long usedBytes() {
        return usedBytes;
    }
}
