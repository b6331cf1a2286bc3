package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.TensorChecks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tensor held by ND4J: a two-dimensional, row-major {@link INDArray} that owns its buffer (never a view), so that its
 * data buffer is exactly its elements in row-major order.
 *
 * <p>Operations that need intermediate results (comparisons, {@code where}, the accurate {@code expm1}) write them
 * into scratch arrays of this tensor's shape that belong to the <em>output</em> tensor. They are allocated on first
 * use and reused, so a training step that reuses its buffers allocates nothing. Like every tensor, an instance is not
 * safe for use by several threads at once.
 */
final class Nd4jTensor implements Tensor {

    private final Nd4jBackend backend;
    private final DType dtype;
    private final Shape shape;
    private final INDArray array;
    private INDArray mask;
    private final INDArray[] scratch = new INDArray[2];

    private Nd4jTensor(Nd4jBackend backend, DType dtype, Shape shape, INDArray array) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape;
        this.array = array;
    }

    /** A new tensor of zeros. */
    static Nd4jTensor zeros(Nd4jBackend backend, DType dtype, Shape shape) {
        return new Nd4jTensor(backend, dtype, shape, Nd4j.create(dataType(dtype), shape.rows(), shape.columns()));
    }

    /** ND4J's type for a Chainrule dtype. */
    static DataType dataType(DType dtype) {
        return dtype == DType.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** The ND4J array; operations read and write it in place. */
    INDArray array() {
        return array;
    }

    /** A BOOL array of this shape for comparison results. */
    INDArray mask() {
        if (mask == null) {
            mask = Nd4j.create(DataType.BOOL, shape.rows(), shape.columns());
        }
        return mask;
    }

    /** Scratch array {@code index} (0 or 1) of this tensor's dtype and shape. */
    INDArray scratch(int index) {
        if (scratch[index] == null) {
            scratch[index] = Nd4j.create(array.dataType(), shape.rows(), shape.columns());
        }
        return scratch[index];
    }

    @Override
    public TensorBackend backend() {
        return backend;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public double get(int row, int column) {
        if (row < 0 || row >= shape.rows() || column < 0 || column >= shape.columns()) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") is outside a " + shape + " tensor");
        }
        return array.getDouble(row, column);
    }

    @Override
    public String toString() {
        return TensorChecks.render(this);
    }
}
