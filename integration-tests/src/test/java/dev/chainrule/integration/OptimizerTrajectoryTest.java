package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Trajectories;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer follows its published update rule: over the 25 steps of {@link Trajectories}, the tensor
 * implementation stays within 1e-12 (FLOAT64) of the scalar reference in {@link ReferenceOptimizers}, in its default
 * configuration and with every option switched on. FLOAT32 runs follow the same path within float rounding. That every
 * backend gives the plain backend's results is part of the test kit's contract ({@link OptimizerContractTest}).
 */
class OptimizerTrajectoryTest {

    /** A configured optimizer and its expected trajectory from the reference. */
    record Case(String spec, BiFunction<double[], double[][], double[][]> reference) {
        @Override
        public String toString() {
            return spec;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("sgd", (p, g) -> ReferenceOptimizers.sgd(p, g, 0.01, 0, 0, false, 0)),
            new Case("sgd(lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01)",
                    (p, g) -> ReferenceOptimizers.sgd(p, g, 0.05, 0.9, 0.1, false, 0.01)),
            new Case("sgd(lr=0.05, momentum=0.9, nesterov=true, weight_decay=0.01)",
                    (p, g) -> ReferenceOptimizers.sgd(p, g, 0.05, 0.9, 0, true, 0.01)),
            new Case("adagrad", (p, g) -> ReferenceOptimizers.adagrad(p, g, 0.01, 0, 0, 0, 1e-10)),
            new Case("adagrad(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1, eps=1e-6)",
                    (p, g) -> ReferenceOptimizers.adagrad(p, g, 0.1, 0.01, 0.1, 0.1, 1e-6)),
            new Case("rmsprop", (p, g) -> ReferenceOptimizers.rmsprop(p, g, 0.01, 0.99, 1e-8, 0, 0, false)),
            new Case("rmsprop(centered=true)",
                    (p, g) -> ReferenceOptimizers.rmsprop(p, g, 0.01, 0.99, 1e-8, 0, 0, true)),
            new Case("rmsprop(lr=0.005, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.9)",
                    (p, g) -> ReferenceOptimizers.rmsprop(p, g, 0.005, 0.9, 1e-6, 0.1, 0.9, false)),
            new Case("rmsprop(lr=0.005, alpha=0.9, momentum=0.5, centered=true)",
                    (p, g) -> ReferenceOptimizers.rmsprop(p, g, 0.005, 0.9, 1e-8, 0, 0.5, true)),
            new Case("adadelta", (p, g) -> ReferenceOptimizers.adadelta(p, g, 1.0, 0.9, 1e-6, 0)),
            new Case("adadelta(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.1)",
                    (p, g) -> ReferenceOptimizers.adadelta(p, g, 0.5, 0.8, 1e-4, 0.1)),
            new Case("adam", (p, g) -> ReferenceOptimizers.adam(p, g, 0.001, 0.9, 0.999, 1e-8, 0, false, false)),
            new Case("adam(amsgrad=true)",
                    (p, g) -> ReferenceOptimizers.adam(p, g, 0.001, 0.9, 0.999, 1e-8, 0, true, false)),
            new Case("adam(lr=0.01, beta1=0.8, beta2=0.9, eps=1e-6, weight_decay=0.1, amsgrad=true)",
                    (p, g) -> ReferenceOptimizers.adam(p, g, 0.01, 0.8, 0.9, 1e-6, 0.1, true, false)),
            new Case("adamw", (p, g) -> ReferenceOptimizers.adam(p, g, 0.001, 0.9, 0.999, 1e-8, 0.01, false, true)),
            new Case("adamw(lr=0.01, beta1=0.8, beta2=0.9, weight_decay=0.1, amsgrad=true)",
                    (p, g) -> ReferenceOptimizers.adam(p, g, 0.01, 0.8, 0.9, 1e-8, 0.1, true, true)),
            new Case("adamax", (p, g) -> ReferenceOptimizers.adamax(p, g, 0.002, 0.9, 0.999, 1e-8, 0)),
            new Case("adamax(lr=0.01, beta1=0.8, beta2=0.9, eps=1e-6, weight_decay=0.1)",
                    (p, g) -> ReferenceOptimizers.adamax(p, g, 0.01, 0.8, 0.9, 1e-6, 0.1)),
            new Case("nadam", (p, g) -> ReferenceOptimizers.nadam(p, g, 0.002, 0.9, 0.999, 1e-8, 0, 0.004, false)),
            new Case("nadam(lr=0.01, beta2=0.9, weight_decay=0.1, momentum_decay=0.1)",
                    (p, g) -> ReferenceOptimizers.nadam(p, g, 0.01, 0.9, 0.9, 1e-8, 0.1, 0.1, false)),
            new Case("nadam(weight_decay=0.1, decoupled_weight_decay=true)",
                    (p, g) -> ReferenceOptimizers.nadam(p, g, 0.002, 0.9, 0.999, 1e-8, 0.1, 0.004, true)),
            new Case("radam", (p, g) -> ReferenceOptimizers.radam(p, g, 0.001, 0.9, 0.999, 1e-8, 0, false)),
            new Case("radam(lr=0.01, beta1=0.8, beta2=0.9, eps=1e-6, weight_decay=0.1)",
                    (p, g) -> ReferenceOptimizers.radam(p, g, 0.01, 0.8, 0.9, 1e-6, 0.1, false)),
            new Case("radam(weight_decay=0.1, decoupled_weight_decay=true)",
                    (p, g) -> ReferenceOptimizers.radam(p, g, 0.001, 0.9, 0.999, 1e-8, 0.1, true)),
            new Case("adabelief", (p, g) -> ReferenceOptimizers.adabelief(p, g, 0.001, 0.9, 0.999, 1e-16, 0, false)),
            new Case("adabelief(lr=0.01, beta1=0.8, beta2=0.9, eps=1e-8, weight_decay=0.1)",
                    (p, g) -> ReferenceOptimizers.adabelief(p, g, 0.01, 0.8, 0.9, 1e-8, 0.1, false)),
            new Case("adabelief(weight_decay=0.1, decoupled_weight_decay=true)",
                    (p, g) -> ReferenceOptimizers.adabelief(p, g, 0.001, 0.9, 0.999, 1e-16, 0.1, true)),
            new Case("lion", (p, g) -> ReferenceOptimizers.lion(p, g, 0.0001, 0.9, 0.99, 0)),
            new Case("lion(lr=0.001, beta1=0.8, beta2=0.95, weight_decay=0.1)",
                    (p, g) -> ReferenceOptimizers.lion(p, g, 0.001, 0.8, 0.95, 0.1)));

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(testCase -> Backends.backends().flatMap(backend -> Stream.of(DType.values())
                .map(dtype -> Arguments.of(testCase, backend, dtype))));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("cases")
    void followsThePublishedRule(Case testCase, TensorBackend backend, DType dtype) {
        Optimizer optimizer = Registries.PLUGINS.optimizers().create(testCase.spec());
        double[][] expected = testCase.reference().apply(Trajectories.start(), Trajectories.gradients());
        double[][] actual = Trajectories.run(optimizer, backend, dtype);
        // FLOAT32 rounds every element to 24 bits at every step; the rule is the same, the tolerance is float's.
        assertTrajectory(expected, actual, dtype == DType.FLOAT64 ? 1e-12 : 2e-5, testCase + " against the reference");
    }

    @Test
    void everyRegisteredOptimizerHasAReferenceCase() {
        Set<String> covered = CASES.stream().map(testCase -> Registries.PLUGINS.optimizers().create(testCase.spec()).name())
                .collect(Collectors.toSet());
        for (String name : Registries.PLUGINS.optimizers().names()) {
            assertTrue(covered.contains(name), name + " has no reference trajectory in " + getClass().getSimpleName());
        }
    }

    @Test
    void theTrajectoriesMoveEveryElement() {
        // A reference that never moved would prove nothing: every case moves every element well beyond rounding.
        for (Case testCase : CASES) {
            double[][] expected = testCase.reference().apply(Trajectories.start(), Trajectories.gradients());
            for (int i = 0; i < Trajectories.start().length; i++) {
                double farthest = 0;
                for (double[] step : expected) {
                    farthest = Math.max(farthest, Math.abs(step[i] - Trajectories.start()[i]));
                }
                assertTrue(farthest > 1e-4, testCase + " element " + i + " moves at most " + farthest);
            }
        }
    }

    static void assertTrajectory(double[][] expected, double[][] actual, double tolerance, String what) {
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                double scale = Math.max(1, Math.abs(expected[t][i]));
                assertEquals(expected[t][i], actual[t][i], tolerance * scale,
                        what + ": step " + (t + 1) + ", element " + i);
            }
        }
    }
}
