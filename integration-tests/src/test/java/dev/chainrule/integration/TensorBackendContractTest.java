package dev.chainrule.integration;

import static dev.chainrule.testkit.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import dev.chainrule.testkit.Approx;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every {@link TensorBackend} operation, on every usable backend in both dtypes, against the
 * straightforward definitions in {@link Reference}. Inputs are rounded to the dtype before the reference sees them,
 * so only the operation's own rounding is measured. {@link TensorBackendErrorContractTest} holds the other half: bad arguments.
 */
class TensorBackendContractTest {

    private static final String CASES = "dev.chainrule.testkit.Backends#backendsAndDTypes";

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

    private static final Shape[] SHAPES = {new Shape(3, 4), new Shape(1, 4), new Shape(4, 1), new Shape(1, 1)};

    // ---------------------------------------------------------------- creation and transfer

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void assignAndToDoubleArrayRoundTripInRowMajorOrder(TensorBackend backend, DType dtype) {
        double[] values = {1.5, -2.25, 0.1, 1e30, -1e-30, 0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, 7, 8, 9};
        Tensor tensor = backend.zeros(dtype, new Shape(3, 4));
        assertSame(tensor, backend.assign(values, tensor));
        assertArrayEquals(Approx.rounded(dtype, values), tensor.toDoubleArray());
        assertEquals((double) (float) 0.1 == tensor.get(0, 2), dtype == DType.FLOAT32);
        assertEquals(7, tensor.get(2, 1));
        Tensor created = backend.fromArray(dtype, new Shape(4, 3), values);
        assertArrayEquals(Approx.rounded(dtype, values), created.toDoubleArray());
        assertEquals(new Shape(4, 3), created.shape());
        assertEquals(dtype, created.dtype());
        assertSame(backend, created.backend());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void zerosFillAndCopyWriteEveryElement(TensorBackend backend, DType dtype) {
        for (Shape shape : SHAPES) {
            Tensor tensor = backend.zeros(dtype, shape);
            assertArrayEquals(new double[shape.size()], tensor.toDoubleArray(), shape.toString());
            backend.fill(0.1, tensor);
            double[] tenths = new double[shape.size()];
            Arrays.fill(tenths, 0.1);
            assertArrayEquals(Approx.rounded(dtype, tenths), tensor.toDoubleArray(), shape.toString());
            Tensor source = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -5, 5, 3);
            double[] before = source.toDoubleArray();
            assertSame(tensor, backend.copy(source, tensor));
            assertArrayEquals(before, tensor.toDoubleArray());
            assertArrayEquals(before, source.toDoubleArray(), "copy must not modify its source");
            backend.copy(tensor, tensor);
            assertArrayEquals(before, tensor.toDoubleArray(), "copy onto itself changes nothing");
        }
    }

    // ---------------------------------------------------------------- matmul

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void matmulMatchesTheTripleLoopForEveryTransposeAndShape(TensorBackend backend, DType dtype) {
        int[][] sizes = {{3, 4, 5}, {5, 4, 3}, {1, 4, 5}, {3, 4, 1}, {1, 4, 1}, {4, 1, 3}, {1, 1, 1}, {2, 7, 2}};
        long seed = 1;
        for (int[] size : sizes) {
            int rows = size[0];
            int inner = size[1];
            int columns = size[2];
            for (boolean transposeA : new boolean[] {false, true}) {
                for (boolean transposeB : new boolean[] {false, true}) {
                    Tensor a = transposeA ? Points.uniform(backend, dtype, inner, rows, -1, 1, seed++)
                            : Points.uniform(backend, dtype, rows, inner, -1, 1, seed++);
                    Tensor b = transposeB ? Points.uniform(backend, dtype, columns, inner, -1, 1, seed++)
                            : Points.uniform(backend, dtype, inner, columns, -1, 1, seed++);
                    Tensor out = backend.fill(99, backend.zeros(dtype, new Shape(rows, columns)));
                    double[] aBefore = a.toDoubleArray();
                    double[] bBefore = b.toDoubleArray();
                    assertSame(out, backend.matmul(a, transposeA, b, transposeB, out));
                    String what = "matmul " + a.shape() + (transposeA ? "^T" : "") + " x " + b.shape()
                            + (transposeB ? "^T" : "");
                    assertClose(Reference.matmul(aBefore, a.rows(), a.columns(), transposeA, bBefore, b.rows(),
                            b.columns(), transposeB), out.toDoubleArray(), Approx.accumulated(dtype), what);
                    assertArrayEquals(aBefore, a.toDoubleArray(), what + " modified a");
                    assertArrayEquals(bBefore, b.toDoubleArray(), what + " modified b");
                }
            }
        }
    }

    // ---------------------------------------------------------------- unary

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void everyUnaryOpMatchesItsDefinitionIntoAFreshOutputAndInPlace(TensorBackend backend, DType dtype) {
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void everyUnaryOpTreatsInfinitiesNaNAndSignedZerosAsJavaDoes(TensorBackend backend, DType dtype) {
        Tensor x = backend.fromArray(dtype, new Shape(1, SPECIAL.length), SPECIAL);
        for (UnaryOp op : UnaryOp.values()) {
            double[] expected = Approx.rounded(dtype, Arrays.stream(SPECIAL).map(Reference.of(op)).toArray());
            assertClose(expected, backend.unary(op, x, x.newLike()).toDoubleArray(), Approx.elementwise(dtype),
                    op + " of " + Arrays.toString(SPECIAL));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void expm1AndLog1pKeepTheirRelativePrecisionNearZero(TensorBackend backend, DType dtype) {
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void erfIsTheErrorFunctionNotAnApproximation(TensorBackend backend, DType dtype) {
        // erf at 0.5, 1, 2 and 3 from Abramowitz and Stegun, table 7.1, to 16 digits.
        double[] x = {0.5, 1, 2, 3, -1};
        double[] erf = {0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.9999779095030014,
            -0.8427007929497149};
        Tensor result = backend.unary(UnaryOp.ERF, backend.fromArray(dtype, new Shape(1, 5), x), backend.zeros(dtype,
                new Shape(1, 5)));
        assertClose(erf, result.toDoubleArray(), dtype == DType.FLOAT32 ? 1e-7 : 1e-15, "erf");
    }

    // ---------------------------------------------------------------- binary

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void everyBinaryOpMatchesItsDefinitionInEveryBroadcastFormAndInPlace(TensorBackend backend, DType dtype) {
        for (Shape shape : SHAPES) {
            for (Shape form : List.of(shape, new Shape(1, shape.columns()), new Shape(shape.rows(), 1), new Shape(1, 1))) {
                for (BinaryOp op : BinaryOp.values()) {
                    Tensor a = halves(backend, dtype, shape, 5 + op.ordinal());
                    Tensor b = halves(backend, dtype, form, 50 + op.ordinal());
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void everyBinaryOpWithAScalarMatchesItsDefinitionAndInPlace(TensorBackend backend, DType dtype) {
        for (BinaryOp op : BinaryOp.values()) {
            for (double scalar : new double[] {-1.5, -0.0, 0, 0.5, 1, 2, 0.1}) {
                Tensor a = halves(backend, dtype, new Shape(3, 5), op.ordinal());
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void everyBinaryOpTreatsInfinitiesNaNAndSignedZerosAsJavaDoes(TensorBackend backend, DType dtype) {
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void comparisonsGiveExactlyZeroOrOneInTheTensorsDType(TensorBackend backend, DType dtype) {
        Tensor a = halves(backend, dtype, new Shape(4, 6), 9);
        Tensor b = halves(backend, dtype, new Shape(1, 6), 10);
        for (BinaryOp op : List.of(BinaryOp.GREATER, BinaryOp.GREATER_EQUAL, BinaryOp.LESS, BinaryOp.LESS_EQUAL,
                BinaryOp.EQUAL)) {
            Tensor mask = backend.binary(op, a, b, a.newLike());
            assertEquals(dtype, mask.dtype());
            assertTrue(Arrays.stream(mask.toDoubleArray()).allMatch(v -> v == 0 || v == 1), op + " gave " + mask);
        }
    }

    // ---------------------------------------------------------------- addScaled and where

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void addScaledIsAPlusAlphaTimesBIntoAnyOfItsOperands(TensorBackend backend, DType dtype) {
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void whereSelectsEveryValueExactlyIncludingSpecialOnesAndInPlace(TensorBackend backend, DType dtype) {
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

    // ---------------------------------------------------------------- reductions

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void everyReductionAlongBothAxesAndOverAllMatchesItsDefinition(TensorBackend backend, DType dtype) {
        for (Shape shape : SHAPES) {
            Tensor x = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -3, 3, shape.size());
            double[] values = x.toDoubleArray();
            for (ReduceOp op : ReduceOp.values()) {
                for (ReduceAxis axis : ReduceAxis.values()) {
                    Tensor out = backend.zeros(dtype, axis.resultShape(shape));
                    assertSame(out, backend.reduce(op, axis, x, out));
                    assertClose(Reference.reduce(op, axis, values, shape.rows(), shape.columns()),
                            out.toDoubleArray(), Approx.accumulated(dtype), op + " " + axis + " of " + shape);
                }
                assertClose(new double[] {Reference.reduceAll(op, values)}, new double[] {backend.reduceAll(op, x)},
                        Approx.accumulated(dtype), op + " of all of " + shape);
                assertArrayEquals(values, x.toDoubleArray(), op + " modified its input");
            }
        }
    }

    // ---------------------------------------------------------------- gatherRows

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(CASES)
    void gatherRowsCopiesTheListedRowsFromTheOffset(TensorBackend backend, DType dtype) {
        Tensor source = Points.uniform(backend, dtype, 5, 3, -1, 1, 31);
        double[] rows = source.toDoubleArray();
        int[] indices = {9, 4, 0, 4, 2, 9};
        Tensor out = backend.zeros(dtype, new Shape(4, 3));
        assertSame(out, backend.gatherRows(source, indices, 1, out));
        double[] expected = new double[12];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(rows, indices[1 + r] * 3, expected, r * 3, 3);
        }
        assertArrayEquals(expected, out.toDoubleArray());
        Tensor one = backend.gatherRows(source, new int[] {3}, 0, backend.zeros(dtype, new Shape(1, 3)));
        assertArrayEquals(Arrays.copyOfRange(rows, 9, 12), one.toDoubleArray());
        Tensor column = Points.uniform(backend, dtype, 4, 1, -1, 1, 32);
        Tensor picked = backend.gatherRows(column, new int[] {3, 1}, 0, backend.zeros(dtype, new Shape(2, 1)));
        assertArrayEquals(new double[] {column.get(3, 0), column.get(1, 0)}, picked.toDoubleArray());
    }

    /** Values from {-2, -1.5, ..., 2}: ties for the comparisons, zeros for the divisions, negatives for pow. */
    private static Tensor halves(TensorBackend backend, DType dtype, Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(-4, 5) / 2.0;
        }
        return backend.fromArray(dtype, shape, values);
    }
}
