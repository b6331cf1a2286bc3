package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.testkit.Points;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of clipping keeps exactly its promise, on every backend and dtype. */
class GradientClippingTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void byValueBoundsEveryElementAndLeavesSmallOnesAlone(TensorBackend backend, DType dtype) {
        Gradients gradients = largeGradients(backend, dtype);
        double[][] before = values(gradients);
        double limit = maxAbs(before) / 4;
        GradientClipping.byValue(limit).clip(gradients);
        double[][] after = values(gradients);
        for (int p = 0; p < after.length; p++) {
            for (int i = 0; i < after[p].length; i++) {
                assertTrue(Math.abs(after[p][i]) <= limit * (1 + tolerance(dtype)), "element " + after[p][i]);
                double expected = Math.max(-limit, Math.min(limit, before[p][i]));
                assertEquals(expected, after[p][i], limit * tolerance(dtype));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void byNormBoundsEachParametersNormAndKeepsItsDirection(TensorBackend backend, DType dtype) {
        Gradients gradients = largeGradients(backend, dtype);
        double[][] before = values(gradients);
        // the median norm: half the parameters are clipped, half are not
        double limit = java.util.Arrays.stream(before).mapToDouble(GradientClippingTest::norm).sorted()
                .toArray()[before.length / 2];
        GradientClipping.byNorm(limit).clip(gradients);
        double[][] after = values(gradients);
        int clipped = 0;
        for (int p = 0; p < after.length; p++) {
            double normBefore = norm(before[p]);
            assertTrue(norm(after[p]) <= limit * (1 + tolerance(dtype)), "parameter " + p + " norm " + norm(after[p]));
            double factor = normBefore > limit ? limit / normBefore : 1;
            clipped += normBefore > limit ? 1 : 0;
            for (int i = 0; i < after[p].length; i++) {
                // the same direction: every element scaled by one positive factor
                assertEquals(before[p][i] * factor, after[p][i], tolerance(dtype) * Math.max(limit, Math.abs(after[p][i])));
            }
        }
        assertTrue(clipped > 0 && clipped < after.length, "the test should clip some parameters and not others");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void byGlobalNormBoundsTheCombinedNormWithOneFactor(TensorBackend backend, DType dtype) {
        Gradients gradients = largeGradients(backend, dtype);
        double[][] before = values(gradients);
        double globalBefore = globalNorm(before);
        double limit = globalBefore / 3;
        GradientClipping.byGlobalNorm(limit).clip(gradients);
        double[][] after = values(gradients);
        assertTrue(globalNorm(after) <= limit * (1 + tolerance(dtype)), "global norm " + globalNorm(after));
        double factor = limit / globalBefore;
        for (int p = 0; p < after.length; p++) {
            for (int i = 0; i < after[p].length; i++) {
                assertEquals(before[p][i] * factor, after[p][i], tolerance(dtype) * limit);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void gradientsWithinTheLimitsAreUntouched(TensorBackend backend, DType dtype) {
        Gradients gradients = largeGradients(backend, dtype);
        double[][] before = values(gradients);
        double big = 10 * globalNorm(before);
        for (GradientClipping clipping : new GradientClipping[] {GradientClipping.none(), GradientClipping.byValue(big),
                GradientClipping.byNorm(big), GradientClipping.byGlobalNorm(big)}) {
            clipping.clip(gradients);
            assertArrayEquals(before, values(gradients), clipping.toString());
        }
    }

    @Test
    void limitsMustBePositive() {
        assertEquals("clipping limit must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(0)).getMessage());
        assertEquals("maximum norm must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(-1)).getMessage());
        assertEquals("maximum norm must be finite and > 0, got Infinity", assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.byGlobalNorm(Double.POSITIVE_INFINITY)).getMessage());
    }

    @Test
    void eachClippingSaysWhatItBounds() {
        assertEquals("none", GradientClipping.none().toString());
        assertEquals("by value 0.5", GradientClipping.byValue(0.5).toString());
        assertEquals("by norm 2.0", GradientClipping.byNorm(2).toString());
        assertEquals("by global norm 3.0", GradientClipping.byGlobalNorm(3).toString());
    }

    /** Gradients of the mixed network, of different sizes per parameter. */
    private static Gradients largeGradients(TensorBackend backend, DType dtype) {
        Network network = Networks.builder(backend, 4).dense(5, "tanh").dense(4, "sigmoid").dense(3, "relu")
                .dense(2, "softmax").dtype(dtype).seed(5).build();
        Backpropagation backpropagation = new Backpropagation(network,
                Registries.PLUGINS.losses().create("categorical_cross_entropy"), true);
        backpropagation.computeGradients(Points.uniform(backend, dtype, 6, 4, -2, 2, 21),
                Points.of(backend, dtype, new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}, {0, 1}}));
        return backpropagation.gradients();
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-12 : 1e-6;
    }

    private static double[][] values(Gradients gradients) {
        double[][] values = new double[gradients.size()][];
        for (int p = 0; p < gradients.size(); p++) {
            values[p] = gradients.get(p).toDoubleArray();
        }
        return values;
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    private static double globalNorm(double[][] values) {
        double sum = 0;
        for (double[] parameter : values) {
            sum += norm(parameter) * norm(parameter);
        }
        return Math.sqrt(sum);
    }

    private static double maxAbs(double[][] values) {
        double max = 0;
        for (double[] parameter : values) {
            for (double value : parameter) {
                max = Math.max(max, Math.abs(value));
            }
        }
        return max;
    }
}
