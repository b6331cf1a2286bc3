package dev.chainrule.backend.plain;

import com.google.auto.service.AutoService;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.TensorChecks;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The pure-Java backend: tensors in Java arrays, no native code. It is the reference that other backends are
 * checked against, so every operation is written for clarity first.
 */
@AutoService(TensorBackend.class)
public final class PlainBackend implements TensorBackend {

    /** The registry name. */
    public static final String NAME = "plain";

    @Override
    public String name() {
        return NAME;
    }

    /** Low, so that a native backend wins the automatic choice when it can start. */
    @Override
    public int priority() {
        return 10;
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
        for (int i = 0; i < rowMajor.length; i++) {
            target.put(i, rowMajor[i]);
        }
        return out;
    }

    @Override
    public double[] toDoubleArray(Tensor source) {
        PlainTensor tensor = own("toDoubleArray", source);
        if (tensor instanceof Float64Tensor doubles) {
            return doubles.data.clone();
        }
        double[] values = new double[tensor.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.at(i);
        }
        return values;
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
        for (int i = 0; i < target.size(); i++) {
            target.put(i, value);
        }
        return out;
    }

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        checkSame("matmul", a, b, out);
        Shape result = TensorChecks.productShape(a.shape(), transposeA, b.shape(), transposeB);
        TensorChecks.sameShape("matmul", "out", result, out.shape());
        TensorChecks.noAlias("matmul", out, a, b);
        int inner = transposeA ? a.rows() : a.columns();
        if (out instanceof Float64Tensor c) {
            MatrixMultiply.shared().float64(((Float64Tensor) a).data, transposeA, a.columns(), ((Float64Tensor) b).data,
                    transposeB, b.columns(), c.data, result.rows(), result.columns(), inner);
        } else {
            MatrixMultiply.shared().float32(((Float32Tensor) a).data, transposeA, a.columns(), ((Float32Tensor) b).data,
                    transposeB, b.columns(), ((Float32Tensor) out).data, result.rows(), result.columns(), inner);
        }
        return out;
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x, Tensor out) {
        checkSame("unary " + op, x, out);
        TensorChecks.sameShape("unary " + op, "out", x.shape(), out.shape());
        PlainTensor in = (PlainTensor) x;
        PlainTensor target = (PlainTensor) out;
        DoubleUnaryOperator function = ScalarFunctions.of(op);
        for (int i = 0; i < in.size(); i++) {
            target.put(i, function.applyAsDouble(in.at(i)));
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        checkSame("binary " + op, a, b, out);
        TensorChecks.broadcastable("binary " + op, a.shape(), b.shape());
        TensorChecks.sameShape("binary " + op, "out", a.shape(), out.shape());
        PlainTensor left = (PlainTensor) a;
        PlainTensor right = (PlainTensor) b;
        PlainTensor target = (PlainTensor) out;
        DoubleBinaryOperator function = ScalarFunctions.of(op);
        int columns = a.columns();
        int rowStride = b.rows() == 1 ? 0 : b.columns();
        int columnStride = b.columns() == 1 ? 0 : 1;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                target.put(i, function.applyAsDouble(left.at(i), right.at(r * rowStride + c * columnStride)));
            }
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, double b, Tensor out) {
        checkSame("binary " + op, a, out);
        TensorChecks.sameShape("binary " + op, "out", a.shape(), out.shape());
        PlainTensor left = (PlainTensor) a;
        PlainTensor target = (PlainTensor) out;
        DoubleBinaryOperator function = ScalarFunctions.of(op);
        double scalar = roundTo(a.dtype(), b);
        for (int i = 0; i < left.size(); i++) {
            target.put(i, function.applyAsDouble(left.at(i), scalar));
        }
        return out;
    }

    @Override
    public Tensor addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
        checkSame("addScaled", a, b, out);
        TensorChecks.sameShape("addScaled", "b", a.shape(), b.shape());
        TensorChecks.sameShape("addScaled", "out", a.shape(), out.shape());
        PlainTensor left = (PlainTensor) a;
        PlainTensor right = (PlainTensor) b;
        PlainTensor target = (PlainTensor) out;
        double scale = roundTo(a.dtype(), alpha);
        for (int i = 0; i < left.size(); i++) {
            target.put(i, left.at(i) + scale * right.at(i));
        }
        return out;
    }

    @Override
    public Tensor where(Tensor mask, Tensor ifTrue, Tensor ifFalse, Tensor out) {
        checkSame("where", mask, ifTrue, ifFalse, out);
        TensorChecks.sameShape("where", "ifTrue", mask.shape(), ifTrue.shape());
        TensorChecks.sameShape("where", "ifFalse", mask.shape(), ifFalse.shape());
        TensorChecks.sameShape("where", "out", mask.shape(), out.shape());
        PlainTensor condition = (PlainTensor) mask;
        PlainTensor yes = (PlainTensor) ifTrue;
        PlainTensor no = (PlainTensor) ifFalse;
        PlainTensor target = (PlainTensor) out;
        for (int i = 0; i < condition.size(); i++) {
            target.put(i, condition.at(i) != 0 ? yes.at(i) : no.at(i));
        }
        return out;
    }

    @Override
    public Tensor reduce(ReduceOp op, ReduceAxis axis, Tensor x, Tensor out) {
        checkSame("reduce " + op, x, out);
        TensorChecks.sameShape("reduce " + op + " " + axis, "out", axis.resultShape(x.shape()), out.shape());
        PlainTensor in = (PlainTensor) x;
        PlainTensor target = (PlainTensor) out;
        DoubleBinaryOperator accumulate = ScalarFunctions.accumulator(op);
        int rows = x.rows();
        int columns = x.columns();
        int outer = axis == ReduceAxis.PER_ROW ? rows : columns;
        int inner = axis == ReduceAxis.PER_ROW ? columns : rows;
        for (int o = 0; o < outer; o++) {
            double value = ScalarFunctions.identity(op);
            for (int i = 0; i < inner; i++) {
                int index = axis == ReduceAxis.PER_ROW ? o * columns + i : i * columns + o;
                value = accumulate.applyAsDouble(value, in.at(index));
            }
            target.put(o, op == ReduceOp.MEAN ? value / inner : value);
        }
        return out;
    }

    @Override
    public double reduceAll(ReduceOp op, Tensor x) {
        PlainTensor in = own("reduceAll " + op, x);
        DoubleBinaryOperator accumulate = ScalarFunctions.accumulator(op);
        double value = ScalarFunctions.identity(op);
        for (int i = 0; i < in.size(); i++) {
            value = accumulate.applyAsDouble(value, in.at(i));
        }
        return op == ReduceOp.MEAN ? value / in.size() : value;
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

    private PlainTensor own(String op, Tensor tensor) {
        TensorChecks.sameBackendAndDType(op, this, tensor);
        return (PlainTensor) tensor;
    }

    private void checkSame(String op, Tensor... tensors) {
        TensorChecks.sameBackendAndDType(op, this, tensors);
    }

    private static double roundTo(DType dtype, double value) {
        return dtype == DType.FLOAT32 ? (float) value : value;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
