package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations computed on the Java side ({@link JavaElementwise}, {@link JavaReductions}) over tensors of several
 * windows and a remainder, with NaN, infinities and signed zeros among the values: element by element exactly as Java
 * computes them (ND4J's own minimum of two FLOAT64 tensors gave {@code min(-0, 0) == 0}), into a fresh output and in
 * place, in both dtypes; FLOAT32 reductions first to last in double.
 */
class JavaSideKernelsTest {

    private static final Shape SHAPE = new Shape(3, 2 * Staging.WINDOW / 3 + 5);
    private static final double[] SPECIAL = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.5};
    private static final double[] FINITE = {0.0, -0.0, 1e30, -1e30};

    private final Nd4jBackend backend = new Nd4jBackend();

    @BeforeEach
    void needsNd4j() {
        BackendAvailability availability = backend.availability();
        assumeTrue(availability.usable(), availability::reason);
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(DType.values()).flatMap(dtype -> Stream.of(BinaryOp.values())
                .filter(JavaElementwise::covers).map(op -> Arguments.of(dtype, op)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("comparisons")
    void computesElementByElementAsJavaDoes(DType dtype, BinaryOp op) {
        double[] a = values(dtype, 1, SPECIAL);
        double[] b = values(dtype, 2, SPECIAL);
        for (int i = 0; i < 40; i++) {
            b[i * 7] = a[i * 7];
        }
        DoubleBinaryOperator function = function(op);
        double[] expected = new double[a.length];
        double[] expectedScalar = new double[a.length];
        double scalar = dtype == DType.FLOAT32 ? (float) 0.1 : 0.1;
        for (int i = 0; i < a.length; i++) {
            expected[i] = function.applyAsDouble(a[i], b[i]);
            expectedScalar[i] = function.applyAsDouble(a[i], scalar);
        }
        Tensor left = backend.fromArray(dtype, SHAPE, a);
        Tensor right = backend.fromArray(dtype, SHAPE, b);
        assertArrayEquals(expected, backend.binary(op, left, right, left.newLike()).toDoubleArray(), "fresh output");
        assertArrayEquals(expectedScalar, backend.binary(op, left, 0.1, left.newLike()).toDoubleArray(),
                "with a scalar");
        backend.binary(op, left, right, right);
        assertArrayEquals(expected, right.toDoubleArray(), "in place of the second operand");
        backend.binary(op, left, 0.1, left);
        assertArrayEquals(expectedScalar, left.toDoubleArray(), "with a scalar in place");
    }

    static Stream<Arguments> reductions() {
        return Stream.of(ReduceOp.values()).map(op -> Arguments.of(DType.FLOAT32, op));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("reductions")
    void reducesFirstToLastInDouble(DType dtype, ReduceOp op) {
        double[] values = values(dtype, 3, FINITE);
        values[5] = Double.NaN;
        Tensor x = backend.fromArray(dtype, SHAPE, values);
        Tensor rows = backend.zeros(dtype, ReduceAxis.PER_ROW.resultShape(SHAPE));
        backend.reduce(op, ReduceAxis.PER_ROW, x, rows);
        int columns = SHAPE.columns();
        for (int r = 0; r < SHAPE.rows(); r++) {
            double expected = reduce(op, values, r * columns, columns);
            assertEquals(r == 0, Double.isNaN(expected), "only the first row holds a NaN");
            assertEquals(dtype == DType.FLOAT32 ? (float) expected : expected, rows.get(r, 0), "row " + r);
        }
        values[5] = 1.25;
        assertEquals(reduce(op, values, 0, values.length),
                backend.reduceAll(op, backend.fromArray(dtype, SHAPE, values)), "all");
    }

    private static double reduce(ReduceOp op, double[] values, int from, int count) {
        double value = op == ReduceOp.MAX ? Double.NEGATIVE_INFINITY : op == ReduceOp.MIN ? Double.POSITIVE_INFINITY
                : 0;
        for (int i = from; i < from + count; i++) {
            value = op == ReduceOp.MAX ? Math.max(value, values[i]) : op == ReduceOp.MIN ? Math.min(value, values[i])
                    : value + values[i];
        }
        return op == ReduceOp.MEAN ? value / count : value;
    }

    private static DoubleBinaryOperator function(BinaryOp op) {
        return switch (op) {
            case MAX -> Math::max;
            case MIN -> Math::min;
            case GREATER -> (x, y) -> x > y ? 1 : 0;
            case GREATER_EQUAL -> (x, y) -> x >= y ? 1 : 0;
            case LESS -> (x, y) -> x < y ? 1 : 0;
            case LESS_EQUAL -> (x, y) -> x <= y ? 1 : 0;
            case EQUAL -> (x, y) -> x == y ? 1 : 0;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** Uniform values in [-1, 1), rounded to the dtype, with {@code special} values spread among them. */
    private static double[] values(DType dtype, long seed, double[] special) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = random.doubles(SHAPE.size(), -1, 1).toArray();
        for (int i = 0; i < special.length * 30; i++) {
            values[random.nextInt(values.length)] = special[i % special.length];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = dtype == DType.FLOAT32 ? (float) values[i] : values[i];
        }
        return values;
    }
}
