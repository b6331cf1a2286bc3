package dev.chainrule.core.tensor;

/** What a pooling window makes of the values it covers ({@link TensorBackend#pool2d}). */
public enum PoolOp {
    /** the largest value; padding is left out, and the gradient goes to the first largest value in window order. */
    MAX,
    /** the mean over the whole window, padding counted as zeros (PyTorch's {@code count_include_pad=True}). */
    AVERAGE
}
