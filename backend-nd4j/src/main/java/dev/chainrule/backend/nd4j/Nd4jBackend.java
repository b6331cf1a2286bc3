package dev.chainrule.backend.nd4j;

import com.google.auto.service.AutoService;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.TensorChecks;
import dev.chainrule.core.tensor.UnaryOp;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.core.tensor.WindowChecks;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backend on ND4J: tensors in native memory, products by OpenBLAS, most other operations by ND4J's native
 * kernels, and a few where those are slow (the Adam step, FLOAT32 {@code tanh}, maximum, minimum, comparisons, small
 * reductions) on the Java side, streaming the native buffers through small windows ({@link Staging}). No operation
 * copies a whole tensor to Java arrays; only {@link #fromArray}, {@link #assign}, {@link #assignRows} and
 * {@link #toDoubleArray} move tensors between Java and native memory.
 *
 * <p>Every argument is checked with {@link TensorChecks} before ND4J sees it: ND4J's kernels neither check shapes
 * (some write past the end of a too-small output) nor refuse mixed dtypes (they convert silently).
 *
 * <p>Creating the backend touches no ND4J class, so {@code ServiceLoader} can instantiate it anywhere; ND4J starts
 * in {@link #availability()}, once, and a machine without the natives gets a reason instead of a crash.
 */
@AutoService(TensorBackend.class)
public final class Nd4jBackend implements TensorBackend {

    /** The registry name. */
    public static final String NAME = "nd4j";

    private final Supplier<BackendAvailability> probe;
    private volatile BackendAvailability availability;
    private final ThreadLocal<Staging> staging = ThreadLocal.withInitial(Staging::new);

    /** The backend on this JVM's ND4J. */
    public Nd4jBackend() {
        this(() -> Nd4jRuntime.availability());
    }

    /** A backend that asks {@code probe}, once, whether it can run; lets tests simulate missing natives. */
    Nd4jBackend(Supplier<BackendAvailability> probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Above the plain backend's priority with its scalar kernel (10) and below it with its Vector API kernel (150):
     * nd4j is the faster choice only where plain cannot use the Vector API.
     */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String priorityReason() {
        return "native kernels and OpenBLAS, faster than plain's scalar kernel on large networks";
    }

    @Override
    public BackendAvailability availability() {
        BackendAvailability known = availability;
        if (known == null) {
            synchronized (this) {
                if (availability == null) {
                    availability = ask(probe);
                }
                known = availability;
            }
        }
        return known;
    }

    private static BackendAvailability ask(Supplier<BackendAvailability> probe) {
        try {
            return probe.get();
        } catch (LinkageError e) {
            return BackendAvailability.unavailable(StartFailure.describe(e));
        }
    }

    @Override
    public Tensor zeros(DType dtype, Shape shape) {
        BackendAvailability state = availability();
        if (!state.usable()) {
            throw new IllegalStateException("backend '" + NAME + "' cannot start: " + state.reason());
        }
        return Nd4jTensor.zeros(this, dtype, shape);
    }

    @Override
    public Tensor fromArray(DType dtype, Shape shape, double[] rowMajor) {
        TensorChecks.arrayFits("fromArray", shape, rowMajor.length);
        return assign(rowMajor, zeros(dtype, shape));
    }

    @Override
    public Tensor assign(double[] rowMajor, Tensor out) {
        Nd4jTensor target = own("assign", out);
        TensorChecks.arrayFits("assign", out.shape(), rowMajor.length);
        target.array().data().setData(rowMajor);
        return out;
    }

    /**
     * Writes the native buffer in place, through an NIO view of it: no native array for the slice; FLOAT32 values are
     * rounded a window at a time and written by block copies.
     */
    @Override
    public Tensor assignRows(double[] rowMajor, int firstRow, Tensor out) {
        INDArray array = own("assignRows", out).array();
        TensorChecks.rowsFit("assignRows", out.shape(), firstRow, rowMajor.length);
        int from = firstRow * out.columns();
        if (array.dataType() == DataType.DOUBLE) {
            array.data().asNioDouble().put(from, rowMajor);
        } else {
            FloatBuffer floats = ((Nd4jTensor) out).floats();
            float[] window = staging.get().floats(0);
            for (int start = 0; start < rowMajor.length; start += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, rowMajor.length - start);
                for (int i = 0; i < length; i++) {
                    window[i] = (float) rowMajor[start + i];
                }
                floats.put(from + start, window, 0, length);
            }
        }
        return out;
    }

    /** Writes the native buffer in place, through an NIO view of it; FLOAT64 values are widened a window at a time. */
    @Override
    public Tensor assign(float[] rowMajor, int offset, Tensor out) {
        INDArray array = own("assign", out).array();
        TensorChecks.arraySliceFits("assign", out.shape(), rowMajor.length, offset);
        int size = out.shape().size();
        if (array.dataType() == DataType.FLOAT) {
            ((Nd4jTensor) out).floats().put(0, rowMajor, offset, size);
        } else {
            DoubleBuffer doubles = array.data().asNioDouble();
            double[] window = staging.get().doubles(0);
            for (int start = 0; start < size; start += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, size - start);
                for (int i = 0; i < length; i++) {
                    window[i] = rowMajor[offset + start + i];
                }
                doubles.put(start, window, 0, length);
            }
        }
        return out;
    }

    @Override
    public double[] toDoubleArray(Tensor source) {
        return own("toDoubleArray", source).array().data().asDouble();
    }

    /** Reads the native buffer in place, through an NIO view of it. */
    @Override
    public double[] toDoubleArray(Tensor source, double[] out) {
        INDArray array = own("toDoubleArray", source).array();
        TensorChecks.arrayFits("toDoubleArray", source.shape(), out.length);
        if (array.dataType() == DataType.DOUBLE) {
            array.data().asNioDouble().get(out);
        } else {
            FloatBuffer floats = array.data().asNioFloat();
            for (int i = 0; i < out.length; i++) {
                out[i] = floats.get(i);
            }
        }
        return out;
    }

    @Override
    public Tensor copy(Tensor source, Tensor out) {
        checkSame("copy", source, out);
        TensorChecks.sameShape("copy", "out", source.shape(), out.shape());
        if (source != out) {
            array(out).assign(array(source));
        }
        return out;
    }

    @Override
    public Tensor fill(double value, Tensor out) {
        own("fill", out).array().assign(value);
        return out;
    }

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        checkSame("matmul", a, b, out);
        Shape result = TensorChecks.productShape(a.shape(), transposeA, b.shape(), transposeB);
        TensorChecks.sameShape("matmul", "out", result, out.shape());
        TensorChecks.noAlias("matmul", out, a, b);
        int depth = transposeA ? a.rows() : a.columns();
        Nd4jRuntime.product().compute(array(a), transposeA, array(b), transposeB, array(out), result.rows(),
                result.columns(), depth);
        return out;
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x, Tensor out) {
        checkSame("unary " + op, x, out);
        TensorChecks.sameShape("unary " + op, "out", x.shape(), out.shape());
        if (op == UnaryOp.TANH && x.dtype() == DType.FLOAT32 && ((Nd4jTensor) x).viewable()) {
            FloatTanh.apply((Nd4jTensor) x, (Nd4jTensor) out, staging.get());
        } else {
            UnaryKernels.apply(op, array(x), (Nd4jTensor) out);
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        checkSame("binary " + op, a, b, out);
        TensorChecks.broadcastable("binary " + op, a.shape(), b.shape());
        TensorChecks.sameShape("binary " + op, "out", a.shape(), out.shape());
        if (JavaElementwise.covers(op) && a.shape().equals(b.shape()) && ((Nd4jTensor) a).viewable()) {
            JavaElementwise.pairwise(op, (Nd4jTensor) a, (Nd4jTensor) b, (Nd4jTensor) out, staging.get());
        } else {
            BinaryKernels.apply(op, array(a), array(b), (Nd4jTensor) out);
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, double b, Tensor out) {
        checkSame("binary " + op, a, out);
        TensorChecks.sameShape("binary " + op, "out", a.shape(), out.shape());
        if (JavaElementwise.covers(op) && ((Nd4jTensor) a).viewable()) {
            JavaElementwise.scalar(op, (Nd4jTensor) a, roundTo(a.dtype(), b), (Nd4jTensor) out, staging.get());
        } else {
            BinaryKernels.apply(op, array(a), roundTo(a.dtype(), b), (Nd4jTensor) out);
        }
        return out;
    }

    /** One native pass: ND4J's {@code Axpy} computes {@code z = alpha * x + y}. */
    @Override
    public Tensor addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
        checkSame("addScaled", a, b, out);
        TensorChecks.sameShape("addScaled", "b", a.shape(), b.shape());
        TensorChecks.sameShape("addScaled", "out", a.shape(), out.shape());
        Nd4j.exec(new Axpy(array(b), array(a), array(out), roundTo(a.dtype(), alpha)));
        return out;
    }

    /** The fused form: one pass on the Java side over the five native buffers ({@link FusedAdam}). */
    @Override
    public void adamStep(Tensor parameter, Tensor gradient, Tensor m, Tensor v, double beta1, double beta2,
            double stepSize, double epsilon, Tensor work) {
        TensorChecks.adamStep(this, parameter, gradient, m, v, work);
        if (!((Nd4jTensor) parameter).viewable()) {
            TensorBackend.super.adamStep(parameter, gradient, m, v, beta1, beta2, stepSize, epsilon, work);
            return;
        }
        FusedAdam.step((Nd4jTensor) parameter, (Nd4jTensor) gradient, (Nd4jTensor) m, (Nd4jTensor) v, beta1, beta2,
                stepSize, epsilon, staging.get());
    }

    @Override
    public Tensor where(Tensor mask, Tensor ifTrue, Tensor ifFalse, Tensor out) {
        checkSame("where", mask, ifTrue, ifFalse, out);
        TensorChecks.sameShape("where", "ifTrue", mask.shape(), ifTrue.shape());
        TensorChecks.sameShape("where", "ifFalse", mask.shape(), ifFalse.shape());
        TensorChecks.sameShape("where", "out", mask.shape(), out.shape());
        Nd4jTensor target = (Nd4jTensor) out;
        Selection.where(array(mask), array(ifTrue), array(ifFalse), target.array(), target.mask(), target.work(0),
                target.work(1));
        return out;
    }

    @Override
    public Tensor reduce(ReduceOp op, ReduceAxis axis, Tensor x, Tensor out) {
        checkSame("reduce " + op, x, out);
        TensorChecks.sameShape("reduce " + op + " " + axis, "out", axis.resultShape(x.shape()), out.shape());
        Reductions.along(op, axis, (Nd4jTensor) x, (Nd4jTensor) out, staging.get());
        return out;
    }

    @Override
    public double reduceAll(ReduceOp op, Tensor x) {
        return Reductions.all(op, own("reduceAll " + op, x), staging.get());
    }

    @Override
    public Tensor gatherRows(Tensor source, int[] rowIndices, int offset, Tensor out) {
        checkSame("gatherRows", source, out);
        TensorChecks.noAlias("gatherRows", out, source);
        if (source.columns() != out.columns()) {
            throw new IllegalArgumentException("gatherRows: source is " + source.shape() + " but out is " + out.shape()
                    + "; the column counts must agree");
        }
        TensorChecks.rowIndices("gatherRows", rowIndices, offset, out.rows(), source.rows());
        Nd4jTensor from = (Nd4jTensor) source;
        Nd4jTensor target = (Nd4jTensor) out;
        if (from.viewable()) {
            RowCopies.gather(from, rowIndices, offset, target);
        } else {
            Nd4j.pullRows(from.array(), target.array(), 1, Arrays.copyOfRange(rowIndices, offset, offset + out.rows()));
        }
        return out;
    }

    /** libnd4j's {@code conv2d} where it has the window's padding ({@link NativeWindows}), else the default. */
    @Override
    public Tensor conv2d(Window2d window, Tensor input, Tensor kernel, Tensor bias, Tensor out) {
        Optional<Integer> mode = NativeWindows.mode(window);
        if (mode.isEmpty()) {
            return TensorBackend.super.conv2d(window, input, kernel, bias, out);
        }
        int filters = WindowChecks.convolution("conv2d", this, window, input, kernel, out);
        WindowChecks.bias("conv2d", this, input, filters, bias);
        NativeWindows.convolution(window, mode.get(), array(input), array(kernel), array(bias), array(out));
        return out;
    }

    /** From libnd4j's {@code conv2d_bp}, with zeros for the input it does not need. */
    @Override
    public Tensor conv2dInputGradient(Window2d window, Tensor gradOutput, Tensor kernel, Tensor out) {
        Optional<Integer> mode = NativeWindows.mode(window);
        if (mode.isEmpty()) {
            return TensorBackend.super.conv2dInputGradient(window, gradOutput, kernel, out);
        }
        WindowChecks.convolution("conv2dInputGradient", this, window, out, kernel, gradOutput);
        TensorChecks.noAlias("conv2dInputGradient", out, gradOutput, kernel);
        NativeWindows.convolutionGradients(window, mode.get(), array(out).ulike(), array(kernel), array(gradOutput),
                array(out), array(kernel).ulike(), Nd4j.create(array(kernel).dataType(), kernel.rows()));
        return out;
    }

    /** From libnd4j's {@code conv2d_bp}, into a scratch input gradient. */
    @Override
    public void conv2dKernelGradient(Window2d window, Tensor input, Tensor gradOutput, Tensor kernelOut,
            Tensor biasOut) {
        Optional<Integer> mode = NativeWindows.mode(window);
        if (mode.isEmpty()) {
            TensorBackend.super.conv2dKernelGradient(window, input, gradOutput, kernelOut, biasOut);
            return;
        }
        int filters = WindowChecks.convolution("conv2dKernelGradient", this, window, input, kernelOut, gradOutput);
        WindowChecks.bias("conv2dKernelGradient", this, input, filters, biasOut);
        TensorChecks.noAlias("conv2dKernelGradient", kernelOut, input, gradOutput);
        NativeWindows.convolutionGradients(window, mode.get(), array(input), array(kernelOut).ulike(),
                array(gradOutput), array(input).ulike(), array(kernelOut), array(biasOut));
    }

    @Override
    public Tensor pool2d(PoolOp op, Window2d window, Tensor input, Tensor out) {
        Optional<Integer> mode = NativeWindows.mode(window);
        if (mode.isEmpty()) {
            return TensorBackend.super.pool2d(op, window, input, out);
        }
        WindowChecks.pooling("pool2d " + op, this, window, input, out);
        NativeWindows.pool(op, window, mode.get(), array(input), array(out));
        return out;
    }

    @Override
    public Tensor pool2dInputGradient(PoolOp op, Window2d window, Tensor input, Tensor gradOutput, Tensor out) {
        Optional<Integer> mode = NativeWindows.mode(window);
        if (mode.isEmpty()) {
            return TensorBackend.super.pool2dInputGradient(op, window, input, gradOutput, out);
        }
        WindowChecks.pooling("pool2dInputGradient " + op, this, window, input, gradOutput);
        TensorChecks.sameShape("pool2dInputGradient " + op, "out", input.shape(), out.shape());
        TensorChecks.noAlias("pool2dInputGradient " + op, out, input, gradOutput);
        NativeWindows.poolGradient(op, window, mode.get(), array(input), array(gradOutput), array(out));
        return out;
    }

    private Nd4jTensor own(String op, Tensor tensor) {
        TensorChecks.sameBackendAndDType(op, this, tensor);
        return (Nd4jTensor) tensor;
    }

    private void checkSame(String op, Tensor... tensors) {
        TensorChecks.sameBackendAndDType(op, this, tensors);
    }

    /** The ND4J array of a tensor already checked to belong to this backend. */
    private static INDArray array(Tensor tensor) {
        return ((Nd4jTensor) tensor).array();
    }

    private static double roundTo(DType dtype, double value) {
        return dtype == DType.FLOAT32 ? (float) value : value;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
