package dev.chainrule.backend.plain;

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
import java.util.Arrays;

/**
 * The pure-Java backend: tensors in Java arrays, no native code. It is the reference that other backends are
 * checked against: {@link ScalarFunctions} defines what each operation means. This class checks the arguments and
 * dispatches by dtype to the loops that compute: {@link MatrixMultiply}, {@link Float64Elementwise},
 * {@link Float64Reductions} and their FLOAT32 twins, which the build generates from them.
 */
@AutoService(TensorBackend.class)
public final class PlainBackend implements TensorBackend {

    /** The registry name. */
    public static final String NAME = "plain";

    @Override
    public String name() {
        return NAME;
    }

    /** The priority with the Vector API kernel: above nd4j's 100. */
    static final int VECTOR_PRIORITY = 150;
    /** The priority with the scalar kernel: below nd4j's. */
    static final int SCALAR_PRIORITY = 10;

    /**
     * {@value #VECTOR_PRIORITY} when the Vector API kernel will multiply (the JVM has {@code jdk.incubator.vector}
     * and {@code chainrule.plain.kernel} is not {@code scalar}), so that plain wins the automatic choice where it is
     * the faster backend; {@value #SCALAR_PRIORITY} with the scalar kernel, whose products are about 15 times slower,
     * so that a native backend wins where it can start. See the benchmarks' report for the measurements.
     */
    @Override
    public int priority() {
        return KernelChoice.vectorExpected(System.getProperty(KernelChoice.PROPERTY)) ? VECTOR_PRIORITY
                : SCALAR_PRIORITY;
    }

    @Override
    public String priorityReason() {
        return KernelChoice.vectorExpected(System.getProperty(KernelChoice.PROPERTY))
                ? "its Vector API kernel is available, measured faster than nd4j (benchmarks)"
                : "scalar kernel only (" + KernelChoice.scalarReason(System.getProperty(KernelChoice.PROPERTY))
                        + "), measured slower than nd4j on large networks";
    }

    /** True: every tensor is a Java {@code float[]} or {@code double[]}. */
    /**
     * Ready everywhere. Being asked means the backend is about to be chosen, so this starts the JIT's warm-up of the
     * vector kernels ({@link WarmUp}) on a daemon thread, while the application goes on loading its data.
     */
    @Override
    public BackendAvailability availability() {
        WarmUp.startOnce();
        return BackendAvailability.ready();
    }

    @Override
    public boolean storesTensorsOnHeap() {
        return true;
    }

    @Override
    public Tensor zeros(DType dtype, Shape shape) {
        return PlainTensor.allocate(this, dtype, shape);
    }

    @Override
    public Tensor fromArray(DType dtype, Shape shape, double[] rowMajor) {
        TensorChecks.arrayFits("fromArray", shape, rowMajor.length);
        return assign(rowMajor, zeros(dtype, shape));
    }

    @Override
    public Tensor assign(double[] rowMajor, Tensor out) {
        PlainTensor target = own("assign", out);
        TensorChecks.arrayFits("assign", out.shape(), rowMajor.length);
        if (target instanceof Float32Tensor floats) {
            for (int i = 0; i < rowMajor.length; i++) {
                floats.data[i] = (float) rowMajor[i];
            }
        } else {
            System.arraycopy(rowMajor, 0, ((Float64Tensor) target).data, 0, rowMajor.length);
        }
        return out;
    }

    @Override
    public Tensor assignRows(double[] rowMajor, int firstRow, Tensor out) {
        PlainTensor target = own("assignRows", out);
        TensorChecks.rowsFit("assignRows", out.shape(), firstRow, rowMajor.length);
        int from = firstRow * out.columns();
        if (target instanceof Float32Tensor floats) {
            for (int i = 0; i < rowMajor.length; i++) {
                floats.data[from + i] = (float) rowMajor[i];
            }
        } else {
            System.arraycopy(rowMajor, 0, ((Float64Tensor) target).data, from, rowMajor.length);
        }
        return out;
    }

    @Override
    public Tensor assign(float[] rowMajor, int offset, Tensor out) {
        PlainTensor target = own("assign", out);
        TensorChecks.arraySliceFits("assign", out.shape(), rowMajor.length, offset);
        if (target instanceof Float32Tensor floats) {
            System.arraycopy(rowMajor, offset, floats.data, 0, floats.data.length);
        } else {
            double[] doubles = ((Float64Tensor) target).data;
            for (int i = 0; i < doubles.length; i++) {
                doubles[i] = rowMajor[offset + i];
            }
        }
        return out;
    }

    @Override
    public double[] toDoubleArray(Tensor source) {
        PlainTensor tensor = own("toDoubleArray", source);
        if (tensor instanceof Float64Tensor doubles) {
            return doubles.data.clone();
        }
        float[] floats = ((Float32Tensor) tensor).data;
        double[] values = new double[floats.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = floats[i];
        }
        return values;
    }

    @Override
    public double[] toDoubleArray(Tensor source, double[] out) {
        PlainTensor tensor = own("toDoubleArray", source);
        TensorChecks.arrayFits("toDoubleArray", source.shape(), out.length);
        if (tensor instanceof Float64Tensor doubles) {
            System.arraycopy(doubles.data, 0, out, 0, out.length);
        } else {
            float[] floats = ((Float32Tensor) tensor).data;
            for (int i = 0; i < out.length; i++) {
                out[i] = floats[i];
            }
        }
        return out;
    }

    @Override
    public Tensor copy(Tensor source, Tensor out) {
        checkSame("copy", source, out);
        TensorChecks.sameShape("copy", "out", source.shape(), out.shape());
        if (source instanceof Float64Tensor from && out instanceof Float64Tensor to) {
            System.arraycopy(from.data, 0, to.data, 0, from.size());
        } else if (source instanceof Float32Tensor from && out instanceof Float32Tensor to) {
            System.arraycopy(from.data, 0, to.data, 0, from.size());
        }
        return out;
    }

    @Override
    public Tensor fill(double value, Tensor out) {
        PlainTensor target = own("fill", out);
        if (target instanceof Float32Tensor floats) {
            Arrays.fill(floats.data, (float) value);
        } else {
            Arrays.fill(((Float64Tensor) target).data, value);
        }
        return out;
    }

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        checkSame("matmul", a, b, out);
        int rows = transposeA ? a.columns() : a.rows();
        int columns = transposeB ? b.rows() : b.columns();
        int inner = transposeA ? a.rows() : a.columns();
        if (inner != (transposeB ? b.columns() : b.rows()) || out.rows() != rows || out.columns() != columns) {
            Shape result = TensorChecks.productShape(a.shape(), transposeA, b.shape(), transposeB);
            TensorChecks.sameShape("matmul", "out", result, out.shape());
        }
        TensorChecks.noAlias("matmul", out, a, b);
        if (out instanceof Float64Tensor c) {
            MatrixMultiply.shared().float64(doubles(a), transposeA, a.columns(), doubles(b), transposeB, b.columns(),
                    c.data, rows, columns, inner, null);
        } else {
            MatrixMultiply.shared().float32(floats(a), transposeA, a.columns(), floats(b), transposeB, b.columns(),
                    floats(out), rows, columns, inner, null);
        }
        return out;
    }

    /** The bias is added by the thread that computed each block of the product, right after it. */
    @Override
    public Tensor matmulBias(Tensor a, Tensor b, Tensor bias, Tensor out) {
        checkSame("matmulBias", a, b, out);
        checkSame("matmulBias", bias, out);
        int rows = a.rows();
        int columns = b.columns();
        int inner = a.columns();
        if (inner != b.rows() || out.rows() != rows || out.columns() != columns) {
            Shape result = TensorChecks.productShape(a.shape(), false, b.shape(), false);
            TensorChecks.sameShape("matmulBias", "out", result, out.shape());
        }
        if (bias.rows() != 1 || bias.columns() != columns) {
            TensorChecks.sameShape("matmulBias", "bias", new Shape(1, columns), bias.shape());
        }
        TensorChecks.noAlias("matmulBias", out, a, b);
        TensorChecks.noAlias("matmulBias", out, bias, bias);
        if (out instanceof Float64Tensor c) {
            MatrixMultiply.shared().float64(doubles(a), false, inner, doubles(b), false, columns, c.data, rows,
                    columns, inner, doubles(bias));
        } else {
            MatrixMultiply.shared().float32(floats(a), false, inner, floats(b), false, columns, floats(out), rows,
                    columns, inner, floats(bias));
        }
        return out;
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x, Tensor out) {
        checkSame(OperationNames.unary(op), x, out);
        TensorChecks.sameShape(OperationNames.unary(op), "out", x.shape(), out.shape());
        if (out instanceof Float32Tensor target) {
            Float32Elementwise.unary(op, floats(x), target.data, target.size());
        } else {
            Float64Elementwise.unary(op, doubles(x), doubles(out), x.shape().size());
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        checkSame(OperationNames.binary(op), a, b, out);
        TensorChecks.broadcastable(OperationNames.binary(op), a.shape(), b.shape());
        TensorChecks.sameShape(OperationNames.binary(op), "out", a.shape(), out.shape());
        if (out instanceof Float32Tensor target) {
            Float32Elementwise.broadcast(op, floats(a), a.rows(), a.columns(), floats(b), b.rows(), b.columns(),
                    target.data);
        } else {
            Float64Elementwise.broadcast(op, doubles(a), a.rows(), a.columns(), doubles(b), b.rows(), b.columns(),
                    doubles(out));
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, double b, Tensor out) {
        checkSame(OperationNames.binary(op), a, out);
        TensorChecks.sameShape(OperationNames.binary(op), "out", a.shape(), out.shape());
        if (out instanceof Float32Tensor target) {
            Float32Elementwise.binary(op, floats(a), (float) b, target.data, 0, target.size());
        } else {
            Float64Elementwise.binary(op, doubles(a), b, doubles(out), 0, a.shape().size());
        }
        return out;
    }

    @Override
    public Tensor addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
        checkSame("addScaled", a, b, out);
        TensorChecks.sameShape("addScaled", "b", a.shape(), b.shape());
        TensorChecks.sameShape("addScaled", "out", a.shape(), out.shape());
        if (out instanceof Float32Tensor target) {
            Float32Elementwise.addScaled(floats(a), (float) alpha, floats(b), target.data, target.size());
        } else {
            Float64Elementwise.addScaled(doubles(a), alpha, doubles(b), doubles(out), a.shape().size());
        }
        return out;
    }

    /** The fused form: one pass over the five tensors, split among the product threads for a large parameter. */
    @Override
    public void adamStep(Tensor parameter, Tensor gradient, Tensor m, Tensor v, double beta1, double beta2,
            double stepSize, double epsilon, Tensor work) {
        TensorChecks.adamStep(this, parameter, gradient, m, v, work);
        int count = parameter.shape().size();
        ElementwiseParts.run(count, (from, to) -> {
            if (parameter instanceof Float32Tensor p) {
                Float32Elementwise.adam(p.data, floats(gradient), floats(m), floats(v), (float) beta1,
                        (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) -stepSize, (float) epsilon,
                        from, to);
            } else {
                Float64Elementwise.adam(doubles(parameter), doubles(gradient), doubles(m), doubles(v), beta1,
                        1 - beta1, beta2, 1 - beta2, -stepSize, epsilon, from, to);
            }
        });
    }

    @Override
    public Tensor where(Tensor mask, Tensor ifTrue, Tensor ifFalse, Tensor out) {
        checkSame("where", mask, ifTrue, ifFalse, out);
        TensorChecks.sameShape("where", "ifTrue", mask.shape(), ifTrue.shape());
        TensorChecks.sameShape("where", "ifFalse", mask.shape(), ifFalse.shape());
        TensorChecks.sameShape("where", "out", mask.shape(), out.shape());
        if (out instanceof Float32Tensor target) {
            Float32Elementwise.where(floats(mask), floats(ifTrue), floats(ifFalse), target.data, target.size());
        } else {
            Float64Elementwise.where(doubles(mask), doubles(ifTrue), doubles(ifFalse), doubles(out),
                    mask.shape().size());
        }
        return out;
    }

    @Override
    public Tensor reduce(ReduceOp op, ReduceAxis axis, Tensor x, Tensor out) {
        checkSame(OperationNames.reduce(op), x, out);
        boolean perRow = axis == ReduceAxis.PER_ROW;
        if (out.rows() != (perRow ? x.rows() : 1) || out.columns() != (perRow ? 1 : x.columns())) {
            TensorChecks.sameShape(OperationNames.reduce(op, axis), "out", axis.resultShape(x.shape()), out.shape());
        }
        if (out instanceof Float32Tensor target) {
            Float32Reductions.reduce(op, axis, floats(x), x.rows(), x.columns(), target.data);
        } else {
            Float64Reductions.reduce(op, axis, doubles(x), x.rows(), x.columns(), doubles(out));
        }
        return out;
    }

    @Override
    public double reduceAll(ReduceOp op, Tensor x) {
        PlainTensor in = own(OperationNames.reduceAll(op), x);
        return in instanceof Float32Tensor floats ? Float32Reductions.reduceAll(op, floats.data, in.size())
                : Float64Reductions.reduceAll(op, doubles(x), in.size());
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
        int columns = source.columns();
        for (int r = 0; r < out.rows(); r++) {
            int from = rowIndices[offset + r] * columns;
            if (source instanceof Float64Tensor s) {
                System.arraycopy(s.data, from, ((Float64Tensor) out).data, r * columns, columns);
            } else {
                System.arraycopy(((Float32Tensor) source).data, from, ((Float32Tensor) out).data, r * columns, columns);
            }
        }
        return out;
    }

    /** Lowered to the packed product: see {@link Float64Convolution}. */
    @Override
    public Tensor conv2d(Window2d window, Tensor input, Tensor kernel, Tensor bias, Tensor out) {
        int filters = WindowChecks.convolution("conv2d", this, window, input, kernel, out);
        WindowChecks.bias("conv2d", this, input, filters, bias);
        if (out instanceof Float32Tensor target) {
            MatrixMultiply.shared().float32Convolution().forward(window, floats(input), floats(kernel), floats(bias),
                    target.data, input.rows(), filters);
        } else {
            MatrixMultiply.shared().float64Convolution().forward(window, doubles(input), doubles(kernel),
                    doubles(bias), doubles(out), input.rows(), filters);
        }
        return out;
    }

    @Override
    public Tensor conv2dInputGradient(Window2d window, Tensor gradOutput, Tensor kernel, Tensor out) {
        int filters = WindowChecks.convolution("conv2dInputGradient", this, window, out, kernel, gradOutput);
        TensorChecks.noAlias("conv2dInputGradient", out, gradOutput, kernel);
        if (out instanceof Float32Tensor target) {
            MatrixMultiply.shared().float32Convolution().inputGradient(window, floats(gradOutput), floats(kernel),
                    target.data, out.rows(), filters);
        } else {
            MatrixMultiply.shared().float64Convolution().inputGradient(window, doubles(gradOutput), doubles(kernel),
                    doubles(out), out.rows(), filters);
        }
        return out;
    }

    @Override
    public void conv2dKernelGradient(Window2d window, Tensor input, Tensor gradOutput, Tensor kernelOut,
            Tensor biasOut) {
        int filters = WindowChecks.convolution("conv2dKernelGradient", this, window, input, kernelOut, gradOutput);
        WindowChecks.bias("conv2dKernelGradient", this, input, filters, biasOut);
        TensorChecks.noAlias("conv2dKernelGradient", kernelOut, input, gradOutput);
        if (input instanceof Float32Tensor in) {
            MatrixMultiply.shared().float32Convolution().kernelGradient(window, in.data, floats(gradOutput),
                    floats(kernelOut), floats(biasOut), input.rows(), filters);
        } else {
            MatrixMultiply.shared().float64Convolution().kernelGradient(window, doubles(input), doubles(gradOutput),
                    doubles(kernelOut), doubles(biasOut), input.rows(), filters);
        }
    }

    @Override
    public Tensor pool2d(PoolOp op, Window2d window, Tensor input, Tensor out) {
        WindowChecks.pooling("pool2d " + op, this, window, input, out);
        if (out instanceof Float32Tensor target) {
            Float32Pooling.forward(op, window, floats(input), target.data, input.rows());
        } else {
            Float64Pooling.forward(op, window, doubles(input), doubles(out), input.rows());
        }
        return out;
    }

    @Override
    public Tensor pool2dInputGradient(PoolOp op, Window2d window, Tensor input, Tensor gradOutput, Tensor out) {
        WindowChecks.pooling("pool2dInputGradient " + op, this, window, input, gradOutput);
        TensorChecks.sameShape("pool2dInputGradient " + op, "out", input.shape(), out.shape());
        TensorChecks.noAlias("pool2dInputGradient " + op, out, input, gradOutput);
        if (out instanceof Float32Tensor target) {
            Float32Pooling.inputGradient(op, window, floats(input), floats(gradOutput), target.data, input.rows());
        } else {
            Float64Pooling.inputGradient(op, window, doubles(input), doubles(gradOutput), doubles(out), input.rows());
        }
        return out;
    }

    private PlainTensor own(String op, Tensor tensor) {
        TensorChecks.sameBackendAndDType(op, this, tensor);
        return (PlainTensor) tensor;
    }

    private void checkSame(String op, Tensor... tensors) {
        TensorChecks.sameBackendAndDType(op, this, tensors);
    }

    // The fixed forms spare the hot operations an array per call.
    private void checkSame(String op, Tensor a, Tensor b) {
        TensorChecks.sameBackendAndDType(op, this, a, b);
    }

    private void checkSame(String op, Tensor a, Tensor b, Tensor c) {
        TensorChecks.sameBackendAndDType(op, this, a, b, c);
    }

    private static float[] floats(Tensor tensor) {
        return ((Float32Tensor) tensor).data;
    }

    private static double[] doubles(Tensor tensor) {
        return ((Float64Tensor) tensor).data;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
