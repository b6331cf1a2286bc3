package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.integration.LossCases.Inputs;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every registered loss, in each configuration worth testing ({@link LossCases}), on every usable
 * backend. Inputs come from the domains each loss advertises, so a new loss is tested by being registered.
 */
class LossContractTest {

    private static final String CASES = "dev.chainrule.integration.LossCases#variantsOnBackends";
    private static final int SEEDS = 8;

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void gradientMatchesFiniteDifferencesOfTheValue(Loss loss, TensorBackend backend) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Inputs inputs = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, seed);
            GradientCheckResult result = GradientChecker.check(loss, inputs.output(), inputs.target())
                    .requireWithin(1e-6);
            assertTrue(result.checked() >= result.skipped(), () -> "mostly kinks, nothing checked: " + result);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void valueAndGradientStayFiniteAtTheEdgesOfTheDomains(Loss loss, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            for (int kind : LossCases.extremeKinds()) {
                Inputs inputs = LossCases.extreme(loss, backend, dtype, kind, 17 + kind);
                double value = loss.value(inputs.output(), inputs.target());
                Tensor gradient = loss.gradient(inputs.output(), inputs.target());
                String where = loss + " on " + dtype.label() + " at outputs " + inputs.output() + ", targets "
                        + inputs.target();
                assertTrue(Double.isFinite(value), () -> where + ": value " + value);
                assertTrue(Arrays.stream(gradient.toDoubleArray()).allMatch(Double::isFinite),
                        () -> where + ": gradient " + gradient);
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void float32AgreesWithFloat64(Loss loss, TensorBackend backend) {
        Inputs wide = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, 5);
        Tensor output = backend.fromArray(DType.FLOAT32, wide.output().shape(), wide.output().toDoubleArray());
        Tensor target = backend.fromArray(DType.FLOAT32, wide.target().shape(), wide.target().toDoubleArray());
        double expected = loss.value(wide.output(), wide.target());
        double actual = loss.value(output, target);
        assertTrue(Math.abs(expected - actual) <= 1e-4 * Math.max(1, Math.abs(expected)),
                () -> loss + " value: float64 " + expected + ", float32 " + actual);
        ActivationContractTest.assertClose(loss.gradient(wide.output(), wide.target()).toDoubleArray(),
                loss.gradient(output, target).toDoubleArray(), 1e-4, loss + " gradient");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void neverModifiesItsInputsAndWritesTheGradientIntoOut(Loss loss, TensorBackend backend) {
        Inputs inputs = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, 7);
        double[] outputBefore = inputs.output().toDoubleArray();
        double[] targetBefore = inputs.target().toDoubleArray();
        loss.value(inputs.output(), inputs.target());
        Tensor out = inputs.output().newLike();
        assertSame(out, loss.gradient(inputs.output(), inputs.target(), out));
        assertEquals(inputs.output().shape(), out.shape());
        assertArrayEquals(outputBefore, inputs.output().toDoubleArray());
        assertArrayEquals(targetBefore, inputs.target().toDoubleArray());
    }

    /**
     * The convention: the value of a batch is {@code c * sum_i E(row i)}, with {@code c = 1/m} for the batch mean and
     * for the mean (each single row is then already divided by its outputs), and {@code c = 1} for the sum; each row
     * of the batch's gradient is the same {@code c} times that row's own gradient.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void aBatchIsItsRowsReducedByTheConvention(Loss loss, TensorBackend backend) {
        Inputs batch = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, 9);
        double factor = LossCases.reduction(loss).equals("sum") ? 1 : 1.0 / LossCases.ROWS;
        double[] batchGradient = loss.gradient(batch.output(), batch.target()).toDoubleArray();
        double sum = 0;
        for (int r = 0; r < LossCases.ROWS; r++) {
            Tensor output = row(batch.output(), r);
            Tensor target = row(batch.target(), r);
            sum += loss.value(output, target);
            double[] expected = Arrays.stream(loss.gradient(output, target).toDoubleArray()).map(g -> g * factor)
                    .toArray();
            double[] actual = Arrays.copyOfRange(batchGradient, r * LossCases.COLUMNS, (r + 1) * LossCases.COLUMNS);
            ActivationContractTest.assertClose(expected, actual, 1e-12, loss + " gradient of row " + r);
        }
        assertClose(factor * sum, loss.value(batch.output(), batch.target()), loss + " value of the batch");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void specRoundTripsThroughTheRegistry(Loss loss, TensorBackend backend) {
        String spec = loss.spec().toString();
        Loss recreated = Registries.PLUGINS.losses().create(spec);
        assertEquals(loss.spec(), recreated.spec());
        assertTrue(loss.name().matches("[a-z][a-z0-9_]*"), loss.name());
        Inputs inputs = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, 3);
        assertEquals(loss.value(inputs.output(), inputs.target()), recreated.value(inputs.output(), inputs.target()));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void rejectsTargetsOfTheWrongShapeNamingBothShapes(Loss loss, TensorBackend backend) {
        Inputs inputs = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, 4);
        Tensor wrong = backend.zeros(DType.FLOAT64, new Shape(LossCases.ROWS, inputs.target().columns() + 1));
        for (Runnable call : calls(loss, inputs.output(), wrong)) {
            String message = assertThrows(IllegalArgumentException.class, call::run).getMessage();
            assertTrue(message.contains(loss.name()) && message.contains(wrong.shape().toString())
                    && message.contains(inputs.output().shape().toString()), message);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void rejectsNaNTargetsNamingTheRow(Loss loss, TensorBackend backend) {
        assertRejected(loss, backend, Double.NaN);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void rejectsTargetsOutsideItsDomainNamingRowAndValue(Loss loss, TensorBackend backend) {
        for (double invalid : DomainSamples.of(loss.targetDomain()).invalid()) {
            assertRejected(loss, backend, invalid);
        }
    }

    /** Plants {@code invalid} at row 1, column 0 of valid targets; every entry point must name loss, row and shapes. */
    private static void assertRejected(Loss loss, TensorBackend backend, double invalid) {
        Inputs inputs = LossCases.typical(loss, backend, DType.FLOAT64, LossCases.ROWS, 6);
        double[] values = inputs.target().toDoubleArray();
        values[inputs.target().columns()] = invalid;
        Tensor target = backend.fromArray(DType.FLOAT64, inputs.target().shape(), values);
        for (Runnable call : calls(loss, inputs.output(), target)) {
            String message = assertThrows(IllegalArgumentException.class, call::run,
                    () -> loss + " accepted the target " + invalid).getMessage();
            assertTrue(message.contains(loss.name()) && message.contains("row 1")
                    && message.contains(target.shape().toString())
                    && message.contains(inputs.output().shape().toString()), message);
        }
    }

    /** Every entry point that takes targets: value, gradient, and each fused gradient the loss offers. */
    private static Runnable[] calls(Loss loss, Tensor output, Tensor target) {
        Runnable[] direct = {() -> loss.value(output, target), () -> loss.gradient(output, target)};
        Runnable[] fused = Registries.activations()
                .flatMap(activation -> loss.fusedGradient(activation).stream())
                .map(gradient -> (Runnable) () -> gradient.gradient(output, output, target, output.newLike()))
                .toArray(Runnable[]::new);
        Runnable[] all = Arrays.copyOf(direct, direct.length + fused.length);
        System.arraycopy(fused, 0, all, direct.length, fused.length);
        return all;
    }

    private static Tensor row(Tensor tensor, int r) {
        return tensor.backend().gatherRows(tensor, new int[] {r}, 0, tensor.newLike(new Shape(1, tensor.columns())));
    }

    static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                () -> what + ": expected " + expected + ", got " + actual);
    }
}
