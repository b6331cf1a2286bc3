package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.ScratchTensors;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.TensorChecks;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.EnumMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tensor held by ND4J: a two-dimensional, row-major {@link INDArray} that owns its buffer (never a view), so that its
 * data buffer is exactly its elements in row-major order.
 *
 * <p>Operations that need intermediate results (comparisons, {@code where}, the accurate {@code expm1}) write them
 * into work arrays of this tensor's shape that belong to the <em>output</em> tensor. They are allocated on first
 * use and reused, so a training step that reuses its buffers allocates nothing. They are the backend's own, separate
 * from the work tensors that plugins ask for with {@link #scratch(int, Shape)}. Like every tensor, an instance is not
 * safe for use by several threads at once.
 */
final class Nd4jTensor implements Tensor {

    private final Nd4jBackend backend;
    private final DType dtype;
    private final Shape shape;
    private final INDArray array;
    private INDArray mask;
    private final INDArray[] work = new INDArray[2];
    private INDArray ones;
    private final EnumMap<BinaryOp, ScalarOp> scalarOps = new EnumMap<>(BinaryOp.class);
    private INDArray scalar;
    private DynamicCustomOp maskToNumbers;
    private final EnumMap<BinaryOp, DynamicCustomOp> pairwiseOps = new EnumMap<>(BinaryOp.class);
    private OpContext context;
    private final EnumMap<ReduceOp, BaseReduceOp> reductions = new EnumMap<>(ReduceOp.class);
    private INDArray reduced;
    private ScratchTensors scratch;
    private volatile FloatBuffer floats;
    private volatile DoubleBuffer doubles;

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

    /**
     * Whether {@link #floats()} or {@link #doubles()} can view this tensor: an NIO buffer holds at most
     * {@link Integer#MAX_VALUE} bytes.
     */
    boolean viewable() {
        return (long) shape.size() * (dtype == DType.FLOAT32 ? Float.BYTES : Double.BYTES) <= Integer.MAX_VALUE;
    }

    /**
     * A view of a FLOAT32 tensor's native buffer, in row-major order, created once and kept (published safely, since
     * threads may share a tensor that they only read, such as a predictor's weights): read and write it with the
     * absolute (indexed) methods only, which leave the view's position alone.
     */
    FloatBuffer floats() {
        FloatBuffer view = floats;
        if (view == null) {
            view = array.data().asNioFloat();
            floats = view;
        }
        return view;
    }

    /** The same view of a FLOAT64 tensor's native buffer (see {@link #floats()}). */
    DoubleBuffer doubles() {
        DoubleBuffer view = doubles;
        if (view == null) {
            view = array.data().asNioDouble();
            doubles = view;
        }
        return view;
    }

    /** A BOOL array of this shape for comparison results. */
    INDArray mask() {
        if (mask == null) {
            mask = Nd4j.create(DataType.BOOL, shape.rows(), shape.columns());
        }
        return mask;
    }

    /** Work array {@code index} (0 or 1) of this tensor's dtype and shape. */
    INDArray work(int index) {
        if (work[index] == null) {
            work[index] = Nd4j.create(array.dataType(), shape.rows(), shape.columns());
        }
        return work[index];
    }

    /** A {@code 1 x length} row of ones of this tensor's dtype, kept for the last length asked. */
    INDArray ones(int length) {
        if (ones == null || ones.columns() != length) {
            ones = Nd4j.ones(array.dataType(), 1, length);
        }
        return ones;
    }

    /**
     * The scalar operation {@code kind} that writes this tensor (its values, or for a comparison its mask
     * {@code z}), ready to run {@code x kind value}: the operation object and its native scalar are created once and
     * kept, because creating them allocates native memory, which took most of the time of a scalar operation on a
     * small tensor.
     *
     * @param create makes the operation on first use
     */
    ScalarOp scalarOp(BinaryOp kind, Supplier<? extends ScalarOp> create, INDArray x, INDArray z, double value) {
        if (scalar == null) {
            scalar = Nd4j.scalar(array.dataType(), 0);
        }
        scalar.putScalar(0, value);
        ScalarOp op = scalarOps.computeIfAbsent(kind, key -> create.get());
        op.setX(x);
        op.setZ(z);
        op.setScalar(scalar);
        return op;
    }

    /**
     * Runs the element-wise operation {@code kind} of two arrays into {@code z} (this tensor's values, or for a
     * comparison its mask) with an operation object and a native context that this tensor keeps: ND4J's custom
     * operations cost about 6.5 µs a call however small the arrays, 4 µs with a kept context.
     *
     * @param create makes the operation on first use
     */
    void runPairwise(BinaryOp kind, Supplier<DynamicCustomOp> create, INDArray a, INDArray b, INDArray z) {
        if (context == null) {
            context = Nd4j.getExecutioner().buildContext();
        }
        DynamicCustomOp op = pairwiseOps.computeIfAbsent(kind, key -> create.get());
        context.setInputArrays(a, b);
        context.setOutputArrays(z);
        Nd4j.exec(op, context);
    }

    /** The cast of this tensor's comparison mask into its values as 0 and 1, created once and kept. */
    DynamicCustomOp maskToNumbers() {
        if (maskToNumbers == null) {
            maskToNumbers = Selection.castOp(mask(), array);
        }
        return maskToNumbers;
    }

    /**
     * The reduction {@code kind} of all of this tensor into a kept scalar, created once and kept; run it and read
     * {@link #reduced()}. Reading a tensor does not change it: these belong to the backend, not to its contents.
     */
    BaseReduceOp reductionOfAll(ReduceOp kind, BiFunction<INDArray, INDArray, BaseReduceOp> create) {
        if (reduced == null) {
            reduced = Nd4j.scalar(array.dataType(), 0);
        }
        return reductions.computeIfAbsent(kind, key -> create.apply(array, reduced));
    }

    /** The result of the last {@link #reductionOfAll}. */
    double reduced() {
        return reduced.getDouble(0);
    }

    /** Kept work tensors for plugins, created on first use. */
    @Override
    public Tensor scratch(int slot, Shape shape) {
        if (scratch == null) {
            scratch = new ScratchTensors();
        }
        return scratch.get(this, slot, shape);
    }

    /** Kept work tensors without a new {@link Shape} per call (see {@link Tensor#scratch(int, int, int)}). */
    @Override
    public Tensor scratch(int slot, int rows, int columns) {
        if (scratch == null) {
            scratch = new ScratchTensors();
        }
        return scratch.get(this, slot, rows, columns);
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
