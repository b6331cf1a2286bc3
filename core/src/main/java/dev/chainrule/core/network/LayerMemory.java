package dev.chainrule.core.network;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * What one layer keeps from its forward pass for its backward pass, for one batch size: tensors such as a dense
 * layer's pre-activation or dropout's mask, and host arrays for numbers drawn on the Java side. The network keeps one
 * memory per layer and batch size and hands the same one to {@link Layer#forward} and then {@link Layer#backward}, so
 * a layer keeps nothing of a pass in its own fields: that is what lets one bound layer serve several threads'
 * inference passes, each with its own memories.
 *
 * <p>A slot's tensor is created on first use and the same one is returned afterwards, so a layer that keeps its
 * intermediate results here allocates nothing once the first batch of a size has run. Not thread-safe: one memory
 * serves one pass at a time.
 */
public final class LayerMemory {

    private static final int SLOTS = 8;

    private final TensorBackend backend;
    private final DType dtype;
    private final int rows;
    private final Tensor[] tensors = new Tensor[SLOTS];
    private final double[][] arrays = new double[SLOTS][];
    private boolean training;

    /** An empty memory for passes of {@code rows} examples whose tensors live on {@code backend} in {@code dtype}. */
    public LayerMemory(TensorBackend backend, DType dtype, int rows) {
        this.backend = backend;
        this.dtype = dtype;
        this.rows = rows;
    }

    /** The number of examples of the passes this memory serves. */
    public int rows() {
        return rows;
    }

    /**
     * Tensor {@code slot} (0 to 7) of the given shape, kept from call to call: created as zeros on first use, then the
     * same tensor with whatever was last written into it. Asking for a slot with another shape replaces its tensor.
     */
    public Tensor tensor(int slot, Shape shape) {
        Tensor tensor = tensors[check(slot)];
        if (tensor == null || !tensor.shape().equals(shape)) {
            tensor = backend.zeros(dtype, shape);
            tensors[slot] = tensor;
        }
        return tensor;
    }

    /** Tensor {@code slot} of {@code rows() x columns}: one row per example. */
    public Tensor tensor(int slot, int columns) {
        Tensor tensor = tensors[check(slot)];
        if (tensor != null && tensor.rows() == rows && tensor.columns() == columns) {
            return tensor;
        }
        return tensor(slot, new Shape(rows, columns));
    }

    /** Tensor {@code slot} of {@code 1 x columns}: one number per feature, such as a column mean. */
    public Tensor row(int slot, int columns) {
        Tensor tensor = tensors[check(slot)];
        if (tensor != null && tensor.rows() == 1 && tensor.columns() == columns) {
            return tensor;
        }
        return tensor(slot, new Shape(1, columns));
    }

    /** Tensor {@code slot} of {@code rows() x 1}: one number per example, such as a row mean. */
    public Tensor column(int slot) {
        return tensor(slot, 1);
    }

    /**
     * Host array {@code slot} (0 to 7) of {@code length} numbers, kept like the tensors, for numbers a layer draws on
     * the Java side before uploading them ({@code TensorBackend.assign}); its contents are what was last written.
     */
    public double[] array(int slot, int length) {
        double[] array = arrays[check(slot)];
        if (array == null || array.length != length) {
            array = new double[length];
            arrays[slot] = array;
        }
        return array;
    }

    /**
     * Records the kind of pass about to run; the network calls this before each {@link Layer#forward}, so that
     * {@link Layer#backward} can tell whether the forward pass trained.
     */
    public void beginPass(ForwardContext context) {
        this.training = context.training();
    }

    /** Whether the last forward pass through this memory was a training pass. */
    public boolean training() {
        return training;
    }

    private static int check(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("a layer memory has slots 0 to " + (SLOTS - 1) + ", got " + slot);
        }
        return slot;
    }
}
