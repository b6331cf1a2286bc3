package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ScratchTensors;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.TensorChecks;

/** A tensor held in a Java array, row-major: {@code float[]} for FLOAT32, {@code double[]} for FLOAT64. */
abstract sealed class PlainTensor implements Tensor permits Float32Tensor, Float64Tensor {

    private final PlainBackend backend;
    private final Shape shape;
    private ScratchTensors scratch;

    PlainTensor(PlainBackend backend, Shape shape) {
        this.backend = backend;
        this.shape = shape;
    }

    static PlainTensor allocate(PlainBackend backend, DType dtype, Shape shape) {
        return dtype == DType.FLOAT32 ? new Float32Tensor(backend, shape, new float[shape.size()])
                : new Float64Tensor(backend, shape, new double[shape.size()]);
    }

    /** Element {@code i} in row-major order. */
    abstract double at(int i);

    @Override
    public final TensorBackend backend() {
        return backend;
    }

    @Override
    public final Shape shape() {
        return shape;
    }

    /** Kept work tensors, created on first use (see {@link Tensor#scratch(int, Shape)}). */
    @Override
    public final Tensor scratch(int slot, Shape shape) {
        if (scratch == null) {
            scratch = new ScratchTensors();
        }
        return scratch.get(this, slot, shape);
    }

    /** Kept work tensors without a new {@link Shape} per call (see {@link Tensor#scratch(int, int, int)}). */
    @Override
    public final Tensor scratch(int slot, int rows, int columns) {
        if (scratch == null) {
            scratch = new ScratchTensors();
        }
        return scratch.get(this, slot, rows, columns);
    }

    final int size() {
        return shape.size();
    }

    @Override
    public final double get(int row, int column) {
        if (row < 0 || row >= shape.rows() || column < 0 || column >= shape.columns()) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") is outside a " + shape + " tensor");
        }
        return at(row * shape.columns() + column);
    }

    @Override
    public final String toString() {
        return TensorChecks.render(this);
    }
}
