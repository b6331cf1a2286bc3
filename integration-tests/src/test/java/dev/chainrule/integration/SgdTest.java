package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SGD follows its update rule, worked by hand for one parameter p = 1 and gradients 0.5, then -1. */
class SgdTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void plainStep(TensorBackend backend, DType dtype) {
        // p = 1 - 0.1 * 0.5 = 0.95;  p = 0.95 - 0.1 * (-1) = 1.05
        assertTrajectory(backend, dtype, "sgd(lr=0.1)", 0.95, 1.05);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void momentum(TensorBackend backend, DType dtype) {
        // b = 0.5, p = 1 - 0.1 * 0.5 = 0.95;  b = 0.9 * 0.5 - 1 = -0.55, p = 0.95 + 0.055 = 1.005
        assertTrajectory(backend, dtype, "sgd(lr=0.1, momentum=0.9)", 0.95, 1.005);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void nesterov(TensorBackend backend, DType dtype) {
        // b = 0.5, g = 0.5 + 0.9 * 0.5 = 0.95, p = 1 - 0.095 = 0.905
        // b = -0.55, g = -1 + 0.9 * -0.55 = -1.495, p = 0.905 + 0.1495 = 1.0545
        assertTrajectory(backend, dtype, "sgd(lr=0.1, momentum=0.9, nesterov=true)", 0.905, 1.0545);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void weightDecayAndDampening(TensorBackend backend, DType dtype) {
        // g = 0.5 + 0.1 * 1 = 0.6, b = 0.6, p = 1 - 0.06 = 0.94
        // g = -1 + 0.1 * 0.94 = -0.906, b = 0.9 * 0.6 + 0.5 * -0.906 = 0.087, p = 0.94 - 0.0087 = 0.9313
        assertTrajectory(backend, dtype, "sgd(lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.1)", 0.94, 0.9313);
    }

    private static void assertTrajectory(TensorBackend backend, DType dtype, String spec, double first, double second) {
        Optimizer sgd = Registries.PLUGINS.optimizers().create(spec);
        Tensor parameter = backend.fromArray(dtype, new Shape(1, 1), new double[] {1});
        OptimizerState state = new OptimizerState(parameter);
        double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-6;
        sgd.update(parameter, backend.fromArray(dtype, new Shape(1, 1), new double[] {0.5}), state, sgd.learningRate());
        assertEquals(first, parameter.get(0, 0), tolerance);
        sgd.update(parameter, backend.fromArray(dtype, new Shape(1, 1), new double[] {-1}), state, sgd.learningRate());
        assertEquals(second, parameter.get(0, 0), tolerance);
        assertEquals(2, state.steps());
    }
}
