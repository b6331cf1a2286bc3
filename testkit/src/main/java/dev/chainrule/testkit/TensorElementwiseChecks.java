package dev.chainrule.testkit;

import static dev.chainrule.testkit.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The checks of {@link TensorBackendContract} for the element-wise operations (every unary and binary operation in
 * every broadcast form, {@code addScaled} and {@code where}), into fresh outputs and in place, against
 * {@link Reference} and with infinities, NaN and signed zeros treated as Java treats them.
 */
final class TensorElementwiseChecks {


    /** Where each unary operation is tested: inside its domain, away from poles. */
    private record UnaryDomain(UnaryOp op, double low, double high) {
    }

    private static final List<UnaryDomain> UNARY_DOMAINS = List.of(
            new UnaryDomain(UnaryOp.NEG, -3, 3), new UnaryDomain(UnaryOp.ABS, -3, 3),
            new UnaryDomain(UnaryOp.SIGN, -3, 3), new UnaryDomain(UnaryOp.EXP, -5, 5),
            new UnaryDomain(UnaryOp.EXPM1, -3, 3), new UnaryDomain(UnaryOp.LOG, 0.01, 20),
            new UnaryDomain(UnaryOp.LOG1P, -0.9, 20), new UnaryDomain(UnaryOp.SQRT, 0, 20),
            new UnaryDomain(UnaryOp.SQUARE, -3, 3), new UnaryDomain(UnaryOp.RECIPROCAL, 0.1, 4),
            new UnaryDomain(UnaryOp.TANH, -4, 4), new UnaryDomain(UnaryOp.ERF, -2.5, 2.5),
            new UnaryDomain(UnaryOp.SIN, -7, 7), new UnaryDomain(UnaryOp.COS, -7, 7),
            new UnaryDomain(UnaryOp.FLOOR, -3, 3));

    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        1, -1, 2.5};


    private TensorElementwiseChecks() {
    }

    static void everyUnaryOpMatchesItsDefinitionIntoAFreshOutputAndInPlace(TensorBackend backend, DType dtype) {
        EnumSet<UnaryOp> covered = EnumSet.noneOf(UnaryOp.class);
        for (UnaryDomain domain : UNARY_DOMAINS) {
            covered.add(domain.op());
            Tensor x = Points.uniform(backend, dtype, 6, 7, domain.low(), domain.high(), domain.op().ordinal());
            double[] input = x.toDoubleArray();
            double[] expected = Arrays.stream(input).map(Reference.of(domain.op())).toArray();
            Tensor out = backend.unary(domain.op(), x, x.newLike());
            assertClose(expected, out.toDoubleArray(), Approx.elementwise(dtype), domain.op() + " on " + dtype);
            assertArrayEquals(input, x.toDoubleArray(), domain.op() + " modified its input");
            assertSame(x, backend.unary(domain.op(), x, x));
            assertClose(expected, x.toDoubleArray(), Approx.elementwise(dtype), domain.op() + " in place");
        }
        assertEquals(EnumSet.allOf(UnaryOp.class), covered, "every unary op needs a domain here");
    }

    static void everyUnaryOpTreatsInfinitiesNaNAndSignedZerosAsJavaDoes(TensorBackend backend, DType dtype) {
        Tensor x = backend.fromArray(dtype, new Shape(1, SPECIAL.length), SPECIAL);
        for (UnaryOp op : UnaryOp.values()) {
            double[] expected = Approx.rounded(dtype, Arrays.stream(SPECIAL).map(Reference.of(op)).toArray());
            assertClose(expected, backend.unary(op, x, x.newLike()).toDoubleArray(), Approx.elementwise(dtype),
                    op + " of " + Arrays.toString(SPECIAL));
        }
    }

    static void expm1AndLog1pKeepTheirRelativePrecisionNearZero(TensorBackend backend, DType dtype) {
        double[] tiny = {1e-12, -1e-12, 3e-9, -3e-9, 1e-7, -1e-7, 1e-5, -2e-5, 1e-3, -1e-3, 0.3, -0.3, 0.49, -0.49};
        Tensor x = backend.fromArray(dtype, new Shape(2, 7), tiny);
        double tolerance = dtype == DType.FLOAT32 ? 3e-7 : 1e-15;
        for (UnaryOp op : List.of(UnaryOp.EXPM1, UnaryOp.LOG1P)) {
            DoubleUnaryOperator reference = Reference.of(op);
            double[] input = x.toDoubleArray();
            double[] actual = backend.unary(op, x, x.newLike()).toDoubleArray();
            for (int i = 0; i < input.length; i++) {
                double expected = reference.applyAsDouble(input[i]);
                assertTrue(Math.abs(actual[i] - expected) <= tolerance * Math.abs(expected),
                        op + "(" + input[i] + ") is " + actual[i] + ", should be " + expected);
            }
        }
    }

    static void erfIsTheErrorFunctionNotAnApproximation(TensorBackend backend, DType dtype) {
        // erf at 0.5, 1, 2 and 3 from Abramowitz and Stegun, table 7.1, to 16 digits.
        double[] x = {0.5, 1, 2, 3, -1};
        double[] erf = {0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.9999779095030014,
            -0.8427007929497149};
        Tensor result = backend.unary(UnaryOp.ERF, backend.fromArray(dtype, new Shape(1, 5), x), backend.zeros(dtype,
                new Shape(1, 5)));
        assertClose(erf, result.toDoubleArray(), dtype == DType.FLOAT32 ? 1e-7 : 1e-15, "erf");
    }

    static void everyBinaryOpMatchesItsDefinitionInEveryBroadcastFormAndInPlace(TensorBackend backend, DType dtype) {
        for (Shape shape : TensorBackendChecks.SHAPES) {
            for (Shape form : List.of(shape, new Shape(1, shape.columns()), new Shape(shape.rows(), 1), new Shape(1, 1))) {
                for (BinaryOp op : BinaryOp.values()) {
                    Tensor a = TensorBackendChecks.halves(backend, dtype, shape, 5 + op.ordinal());
                    Tensor b = TensorBackendChecks.halves(backend, dtype, form, 50 + op.ordinal());
                    double[] aValues = a.toDoubleArray();
                    double[] bValues = b.toDoubleArray();
                    double[] expected = Approx.rounded(dtype, Reference.binary(op, aValues, shape.rows(),
                            shape.columns(), bValues, form.rows(), form.columns()));
                    String what = op + " of " + shape + " and " + form;
                    assertClose(expected, backend.binary(op, a, b, a.newLike()).toDoubleArray(),
                            Approx.elementwise(dtype), what);
                    assertArrayEquals(aValues, a.toDoubleArray(), what + " modified a");
                    assertArrayEquals(bValues, b.toDoubleArray(), what + " modified b");
                    assertSame(a, backend.binary(op, a, b, a));
                    assertClose(expected, a.toDoubleArray(), Approx.elementwise(dtype), what + " into a");
                    if (form.equals(shape)) {
                        backend.assign(aValues, a);
                        assertSame(b, backend.binary(op, a, b, b));
                        assertClose(expected, b.toDoubleArray(), Approx.elementwise(dtype), what + " into b");
                    }
                }
            }
        }
    }

    static void everyBinaryOpWithAScalarMatchesItsDefinitionAndInPlace(TensorBackend backend, DType dtype) {
        for (BinaryOp op : BinaryOp.values()) {
            for (double scalar : new double[] {-1.5, -0.0, 0, 0.5, 1, 2, 0.1}) {
                Tensor a = TensorBackendChecks.halves(backend, dtype, new Shape(3, 5), op.ordinal());
                double[] aValues = a.toDoubleArray();
                double rounded = dtype == DType.FLOAT32 ? (float) scalar : scalar;
                double[] expected = Approx.rounded(dtype,
                        Reference.binary(op, aValues, 3, 5, new double[] {rounded}, 1, 1));
                String what = op + " with scalar " + scalar;
                assertClose(expected, backend.binary(op, a, scalar, a.newLike()).toDoubleArray(),
                        Approx.elementwise(dtype), what);
                assertArrayEquals(aValues, a.toDoubleArray(), what + " modified a");
                assertSame(a, backend.binary(op, a, scalar, a));
                assertClose(expected, a.toDoubleArray(), Approx.elementwise(dtype), what + " in place");
            }
        }
    }

    static void everyBinaryOpTreatsInfinitiesNaNAndSignedZerosAsJavaDoes(TensorBackend backend, DType dtype) {
        int n = SPECIAL.length;
        double[] left = new double[n * n];
        double[] right = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            left[i] = SPECIAL[i / n];
            right[i] = SPECIAL[i % n];
        }
        Tensor a = backend.fromArray(dtype, new Shape(n, n), left);
        Tensor b = backend.fromArray(dtype, new Shape(n, n), right);
        for (BinaryOp op : BinaryOp.values()) {
            double[] expected = Reference.binary(op, left, n, n, right, n, n);
            assertClose(expected, backend.binary(op, a, b, a.newLike()).toDoubleArray(), Approx.elementwise(dtype),
                    op + " of special values");
            for (int j = 0; j < n; j++) {
                double[] withScalar = Reference.binary(op, left, n, n, new double[] {SPECIAL[j]}, 1, 1);
                assertClose(withScalar, backend.binary(op, a, SPECIAL[j], a.newLike()).toDoubleArray(),
                        Approx.elementwise(dtype), op + " of special values and scalar " + SPECIAL[j]);
            }
        }
    }

    static void comparisonsGiveExactlyZeroOrOneInTheTensorsDType(TensorBackend backend, DType dtype) {
        Tensor a = TensorBackendChecks.halves(backend, dtype, new Shape(4, 6), 9);
        Tensor b = TensorBackendChecks.halves(backend, dtype, new Shape(1, 6), 10);
        for (BinaryOp op : List.of(BinaryOp.GREATER, BinaryOp.GREATER_EQUAL, BinaryOp.LESS, BinaryOp.LESS_EQUAL,
                BinaryOp.EQUAL)) {
            Tensor mask = backend.binary(op, a, b, a.newLike());
            assertEquals(dtype, mask.dtype());
            assertTrue(Arrays.stream(mask.toDoubleArray()).allMatch(v -> v == 0 || v == 1), op + " gave " + mask);
        }
    }

    static void addScaledIsAPlusAlphaTimesBIntoAnyOfItsOperands(TensorBackend backend, DType dtype) {
        Tensor a = Points.uniform(backend, dtype, 5, 3, -2, 2, 21);
        Tensor b = Points.uniform(backend, dtype, 5, 3, -2, 2, 22);
        double[] aValues = a.toDoubleArray();
        double[] bValues = b.toDoubleArray();
        double alpha = dtype == DType.FLOAT32 ? (float) -0.3 : -0.3;
        double[] expected = new double[aValues.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = aValues[i] + alpha * bValues[i];
        }
        assertClose(expected, backend.addScaled(a, -0.3, b, a.newLike()).toDoubleArray(), Approx.elementwise(dtype),
                "addScaled into a new tensor");
        assertSame(b, backend.addScaled(a, -0.3, b, b));
        assertClose(expected, b.toDoubleArray(), Approx.elementwise(dtype), "addScaled into b");
        backend.assign(bValues, b);
        assertSame(a, backend.addScaled(a, -0.3, b, a));
        assertClose(expected, a.toDoubleArray(), Approx.elementwise(dtype), "addScaled into a");
    }

    static void whereSelectsEveryValueExactlyIncludingSpecialOnesAndInPlace(TensorBackend backend, DType dtype) {
        double[] mask = {1, 0, 0.5, -2, 0, -0.0, Double.NaN, 1, 0, 1, 0, 1};
        double[] ifTrue = {-0.0, 1, 2, Double.NEGATIVE_INFINITY, 4, 5, Double.NaN, 0.0, 8, 1e-30, 10, 11};
        double[] ifFalse = {7, -0.0, Double.NaN, 3, Double.POSITIVE_INFINITY, -0.0, 6, -7, 0.0, 9, -1e30, 0.1};
        double[] expected = new double[mask.length];
        for (int i = 0; i < mask.length; i++) {
            expected[i] = mask[i] != 0 ? ifTrue[i] : ifFalse[i];
        }
        expected = Approx.rounded(dtype, expected);
        Shape shape = new Shape(3, 4);
        for (int target = 0; target < 4; target++) {
            Tensor m = backend.fromArray(dtype, shape, mask);
            Tensor t = backend.fromArray(dtype, shape, ifTrue);
            Tensor f = backend.fromArray(dtype, shape, ifFalse);
            Tensor out = List.of(backend.zeros(dtype, shape), m, t, f).get(target);
            assertSame(out, backend.where(m, t, f, out));
            assertArrayEquals(expected, out.toDoubleArray(), "where into " + List.of("new", "mask", "ifTrue",
                    "ifFalse").get(target));
        }
    }
}
