package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backend's element-wise loops and reductions against {@link ScalarFunctions}, the definition: every operation,
 * both dtypes, every broadcast, in place, over values that include zeros, infinities and NaN. The FLOAT32 loops
 * compute in float, which for these operations gives exactly the rounded double result; only {@code addScaled}
 * and the FLOAT32 tanh (computed from {@code exp}) may differ, by one ulp.
 */
class ElementwiseTest {

    private static final PlainBackend BACKEND = new PlainBackend();
    private static final Shape SHAPE = new Shape(5, 13);
    private static final double[] SPECIAL = {0, -0.0, 1, -1, 0.5, -2.5, 3, 1e-30, -1e30, 88, -104,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.1, -0.75, 2};

    static Stream<Arguments> binaryCases() {
        return Stream.of(BinaryOp.values()).flatMap(op -> Stream.of(DType.values()).flatMap(dtype ->
                Stream.of(SHAPE, new Shape(1, 13), new Shape(5, 1), new Shape(1, 1))
                        .map(bShape -> Arguments.of(op, dtype, bShape))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unaryCases")
    void unary(UnaryOp op, DType dtype) {
        Tensor x = values(dtype, SHAPE, 1);
        double[] before = x.toDoubleArray();
        DoubleUnaryOperator function = ScalarFunctions.of(op);
        double[] actual = BACKEND.unary(op, x, x).toDoubleArray();
        for (int i = 0; i < actual.length; i++) {
            double expected = round(dtype, function.applyAsDouble(before[i]));
            double allowed = dtype == DType.FLOAT32 && op == UnaryOp.TANH && Double.isFinite(expected)
                    ? Math.ulp((float) expected) : 0;
            assertEquals(expected, actual[i], allowed, op + " of " + before[i]);
        }
    }

    /**
     * {@code exp} and {@code tanh} of a tensor long enough to be shared among the product threads give the bits that
     * the same numbers give a short row at a time, on one thread.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void longTranscendentalPassesSharedAmongThreadsGiveTheBitsOfShortOnes(DType dtype) {
        int length = ElementwiseParts.SHARED + 1_234;
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = (i % 1_009 - 504) / 60.0;
        }
        Tensor x = BACKEND.fromArray(dtype, new Shape(1, length), values);
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.TANH}) {
            double[] shared = BACKEND.unary(op, x, BACKEND.zeros(dtype, x.shape())).toDoubleArray();
            for (int from = 0; from < length; from += 1_000) {
                int count = Math.min(1_000, length - from);
                double[] slice = java.util.Arrays.copyOfRange(values, from, from + count);
                Tensor part = BACKEND.fromArray(dtype, new Shape(1, count), slice);
                double[] alone = BACKEND.unary(op, part, BACKEND.zeros(dtype, part.shape())).toDoubleArray();
                for (int i = 0; i < count; i++) {
                    assertEquals(alone[i], shared[from + i], 0, op + " element " + (from + i));
                }
            }
        }
    }

    static Stream<Arguments> unaryCases() {
        return Stream.of(UnaryOp.values())
                .flatMap(op -> Stream.of(DType.values()).map(dtype -> Arguments.of(op, dtype)));
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("binaryCases")
    void binary(BinaryOp op, DType dtype, Shape bShape) {
        Tensor a = values(dtype, SHAPE, 2);
        Tensor b = values(dtype, bShape, 3);
        double[] left = a.toDoubleArray();
        double[] right = b.toDoubleArray();
        DoubleBinaryOperator function = ScalarFunctions.of(op);
        double[] actual = BACKEND.binary(op, a, b, a).toDoubleArray();
        for (int r = 0; r < SHAPE.rows(); r++) {
            for (int c = 0; c < SHAPE.columns(); c++) {
                double x = left[r * SHAPE.columns() + c];
                double y = right[(bShape.rows() == 1 ? 0 : r) * bShape.columns() + (bShape.columns() == 1 ? 0 : c)];
                assertEquals(round(dtype, function.applyAsDouble(x, y)), actual[r * SHAPE.columns() + c],
                        x + " " + op + " " + y);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} by a scalar")
    @MethodSource("scalarCases")
    void binaryWithAScalar(BinaryOp op, DType dtype) {
        for (double scalar : new double[] {0.1, -2, 0, Double.NaN}) {
            Tensor a = values(dtype, SHAPE, 4);
            double[] left = a.toDoubleArray();
            double[] actual = BACKEND.binary(op, a, scalar, a.newLike()).toDoubleArray();
            for (int i = 0; i < actual.length; i++) {
                double expected = ScalarFunctions.of(op).applyAsDouble(left[i], round(dtype, scalar));
                assertEquals(round(dtype, expected), actual[i], left[i] + " " + op + " " + scalar);
            }
        }
    }

    static Stream<Arguments> scalarCases() {
        return Stream.of(BinaryOp.values())
                .flatMap(op -> Stream.of(DType.values()).map(dtype -> Arguments.of(op, dtype)));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void addScaledAndWhere(DType dtype) {
        Tensor a = values(dtype, SHAPE, 5);
        Tensor b = values(dtype, SHAPE, 6);
        Tensor mask = BACKEND.binary(BinaryOp.GREATER, b, 0, b.newLike());
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double[] m = mask.toDoubleArray();
        double[] chosen = BACKEND.where(mask, a, b, b.newLike()).toDoubleArray();
        double[] updated = BACKEND.addScaled(a, -0.3, b, a).toDoubleArray();
        double alpha = round(dtype, -0.3);
        for (int i = 0; i < x.length; i++) {
            double expected = round(dtype, x[i] + alpha * y[i]);
            double rounding = dtype == DType.FLOAT32 && Double.isFinite(expected) ? Math.ulp((float) expected) : 0;
            assertEquals(expected, updated[i], rounding, x[i] + " + " + alpha + " * " + y[i]);
            assertEquals(m[i] != 0 ? x[i] : y[i], chosen[i], "where at " + i);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reduceCases")
    void reductions(ReduceOp op, DType dtype) {
        Tensor x = BACKEND.fromArray(dtype, SHAPE, ReferenceProduct.random(SHAPE.size(), 7));
        double[] values = x.toDoubleArray();
        double[] perRow = BACKEND.reduce(op, ReduceAxis.PER_ROW, x, x.newLike(new Shape(SHAPE.rows(), 1)))
                .toDoubleArray();
        double[] perColumn = BACKEND.reduce(op, ReduceAxis.PER_COLUMN, x, x.newLike(new Shape(1, SHAPE.columns())))
                .toDoubleArray();
        for (int r = 0; r < SHAPE.rows(); r++) {
            double[] row = java.util.Arrays.copyOfRange(values, r * SHAPE.columns(), (r + 1) * SHAPE.columns());
            assertEquals(round(dtype, reference(op, row)), perRow[r], op + " of row " + r);
        }
        for (int c = 0; c < SHAPE.columns(); c++) {
            double[] column = new double[SHAPE.rows()];
            for (int r = 0; r < SHAPE.rows(); r++) {
                column[r] = values[r * SHAPE.columns() + c];
            }
            assertEquals(round(dtype, reference(op, column)), perColumn[c], op + " of column " + c);
        }
        assertEquals(reference(op, values), BACKEND.reduceAll(op, x), op + " of everything");
    }

    static Stream<Arguments> reduceCases() {
        return Stream.of(ReduceOp.values())
                .flatMap(op -> Stream.of(DType.values()).map(dtype -> Arguments.of(op, dtype)));
    }

    /** The definition: start from the identity, accumulate in order, divide for the mean. */
    private static double reference(ReduceOp op, double[] values) {
        double value = ScalarFunctions.identity(op);
        for (double element : values) {
            value = ScalarFunctions.accumulator(op).applyAsDouble(value, element);
        }
        return op == ReduceOp.MEAN ? value / values.length : value;
    }

    /** The special values, then random ones, as a tensor. */
    private static Tensor values(DType dtype, Shape shape, long seed) {
        double[] values = ReferenceProduct.random(shape.size(), seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 3 == 0 ? SPECIAL[(int) ((i / 3 + seed) % SPECIAL.length)] : 4 * values[i];
        }
        return BACKEND.fromArray(dtype, shape, values);
    }

    private static double round(DType dtype, double value) {
        return dtype == DType.FLOAT32 ? (float) value : value;
    }
}
