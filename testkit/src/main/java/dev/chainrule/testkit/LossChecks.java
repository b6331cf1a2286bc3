package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Arrays;

/** The numerical checks of {@link LossContract}, one method per test, at inputs from the loss's own domains. */
final class LossChecks {

    /** How many batches the gradient check draws. */
    private static final int SEEDS = 8;
    private static final int ROWS = LossInputs.ROWS;
    private static final int COLUMNS = LossInputs.COLUMNS;

    private LossChecks() {
    }

    static void gradientMatchesFiniteDifferences(Loss loss, TensorBackend backend, double tolerance) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, ROWS, seed);
            GradientCheckResult result = GradientChecker.check(loss, inputs.output(), inputs.target())
                    .requireWithin(tolerance);
            assertTrue(result.checked() >= result.skipped(), () -> "mostly kinks, nothing checked: " + result);
        }
    }

    static void staysFiniteAtTheEdgesOfTheDomains(Loss loss, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            for (int kind : LossInputs.extremeKinds()) {
                LossInputs inputs = LossInputs.extreme(loss, backend, dtype, kind, 17 + kind);
                double value = loss.value(inputs.output(), inputs.target());
                Tensor gradient = loss.gradient(inputs.output(), inputs.target());
                String where = loss.spec() + " on " + dtype.label() + " at outputs " + inputs.output()
                        + ", targets " + inputs.target();
                assertTrue(Double.isFinite(value), () -> where + ": value " + value);
                assertTrue(Arrays.stream(gradient.toDoubleArray()).allMatch(Double::isFinite),
                        () -> where + ": gradient " + gradient);
            }
        }
    }

    static void float32AgreesWithFloat64(Loss loss, TensorBackend backend) {
        LossInputs wide = LossInputs.typical(loss, backend, DType.FLOAT64, ROWS, 5);
        Tensor output = backend.fromArray(DType.FLOAT32, wide.output().shape(), wide.output().toDoubleArray());
        Tensor target = backend.fromArray(DType.FLOAT32, wide.target().shape(), wide.target().toDoubleArray());
        Approx.assertClose(loss.value(wide.output(), wide.target()), loss.value(output, target), 1e-4,
                loss.spec() + " value, float32 against float64");
        Approx.assertClose(loss.gradient(wide.output(), wide.target()).toDoubleArray(),
                loss.gradient(output, target).toDoubleArray(), 1e-4, loss.spec() + " gradient, float32 against float64");
        assertEquals(DType.FLOAT32, loss.gradient(output, target).dtype(), loss.spec() + ": the gradient's dtype");
    }

    static void neverModifiesItsInputsAndWritesTheGradientIntoOut(Loss loss, TensorBackend backend) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, ROWS, 7);
        double[] outputBefore = inputs.output().toDoubleArray();
        double[] targetBefore = inputs.target().toDoubleArray();
        loss.value(inputs.output(), inputs.target());
        Tensor out = inputs.output().newLike();
        assertSame(out, loss.gradient(inputs.output(), inputs.target(), out), "gradient must return out");
        assertEquals(inputs.output().shape(), out.shape());
        assertArrayEquals(outputBefore, inputs.output().toDoubleArray(), "the loss modified its outputs");
        assertArrayEquals(targetBefore, inputs.target().toDoubleArray(), "the loss modified its targets");
    }

    /**
     * The convention of {@link Loss}: the value of a batch is {@code c * sum_i E(row i)}, with {@code c = 1/m} for the
     * batch mean and for the mean (each single row is then already divided by its outputs), and {@code c = 1} for a
     * loss configured with {@code reduction=sum}; each row of the batch's gradient is the same {@code c} times that
     * row's own gradient.
     */
    static void aBatchIsItsRowsReducedByTheConvention(Loss loss, TensorBackend backend) {
        LossInputs batch = LossInputs.typical(loss, backend, DType.FLOAT64, ROWS, 9);
        boolean summed = "sum".equals(loss.spec().arguments().get("reduction"));
        double factor = summed ? 1 : 1.0 / ROWS;
        double[] batchGradient = loss.gradient(batch.output(), batch.target()).toDoubleArray();
        double sum = 0;
        for (int r = 0; r < ROWS; r++) {
            Tensor output = row(batch.output(), r);
            Tensor target = row(batch.target(), r);
            sum += loss.value(output, target);
            double[] expected = Arrays.stream(loss.gradient(output, target).toDoubleArray()).map(g -> g * factor)
                    .toArray();
            double[] actual = Arrays.copyOfRange(batchGradient, r * COLUMNS, (r + 1) * COLUMNS);
            Approx.assertClose(expected, actual, 1e-12, loss.spec() + " gradient of row " + r
                    + (summed ? ", summed over the batch" : ", averaged over the batch"));
        }
        Approx.assertClose(factor * sum, loss.value(batch.output(), batch.target()), 1e-12,
                loss.spec() + " value of the batch" + (summed ? ", summed" : ", averaged"));
    }

    /** The same inputs give the same value and gradient, twice and from an instance made from the same spec. */
    static void deterministic(Loss loss, TensorBackend backend) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, ROWS, 3);
        Loss recreated = Registration.specRoundTrips(Loss.class, loss);
        double value = loss.value(inputs.output(), inputs.target());
        double[] gradient = loss.gradient(inputs.output(), inputs.target()).toDoubleArray();
        assertEquals(value, loss.value(inputs.output(), inputs.target()), loss.spec() + ": the value differs");
        assertArrayEquals(gradient, loss.gradient(inputs.output(), inputs.target()).toDoubleArray(),
                loss.spec() + ": the gradient differs");
        assertEquals(value, recreated.value(inputs.output(), inputs.target()),
                loss.spec() + ": an instance made from the same spec has another value");
        assertArrayEquals(gradient, recreated.gradient(inputs.output(), inputs.target()).toDoubleArray(),
                loss.spec() + ": an instance made from the same spec has another gradient");
    }

    /** One shared instance, used by several threads at once on their own batches, computes what it does alone. */
    static void sharedInstanceIsThreadSafe(Loss loss, TensorBackend backend) {
        LossInputs[] inputs = new LossInputs[SharedUse.THREADS];
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = LossInputs.typical(loss, backend, DType.FLOAT64, ROWS, 30 + t);
        }
        SharedUse.agreesWithLoneUse(loss.spec().toString(), t -> SharedUse.concat(
                new double[] {loss.value(inputs[t].output(), inputs[t].target())},
                loss.gradient(inputs[t].output(), inputs[t].target()).toDoubleArray()));
    }

    static Tensor row(Tensor tensor, int r) {
        return tensor.backend().gatherRows(tensor, new int[] {r}, 0, tensor.newLike(new Shape(1, tensor.columns())));
    }
}
