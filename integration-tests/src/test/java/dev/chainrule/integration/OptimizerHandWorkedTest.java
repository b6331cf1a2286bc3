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

/**
 * Two steps of every optimizer worked by hand, for one parameter p = 1 and the gradients 0.5, then -1 (unless a case
 * says otherwise). Hyperparameters are chosen so that the arithmetic stays short: betas of 0.5 and eps = 0 where
 * the rule allows. ({@link SgdTest} does the same for sgd.)
 */
class OptimizerHandWorkedTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adagrad(TensorBackend backend, DType dtype) {
        // sum = 0.25, p = 1 - 0.1 * 0.5 / sqrt(0.25) = 1 - 0.1 = 0.9
        // sum = 0.25 + 1 = 1.25, p = 0.9 - 0.1 * (-1) / sqrt(1.25) = 0.9 + 0.0894427191 = 0.9894427191
        assertTwoSteps(backend, dtype, "adagrad(lr=0.1, eps=0)", 0.9, 0.9894427191);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void rmsprop(TensorBackend backend, DType dtype) {
        // v = 0.5 * 0.25 = 0.125, p = 1 - 0.1 * 0.5 / sqrt(0.125) = 1 - 0.1414213562 = 0.8585786438
        // v = 0.0625 + 0.5 = 0.5625, p = 0.8585786438 + 0.1 * 1 / 0.75 = 0.8585786438 + 0.1333333333 = 0.9919119771
        assertTwoSteps(backend, dtype, "rmsprop(lr=0.1, alpha=0.5, eps=0)", 0.8585786438, 0.9919119771);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void rmspropCentered(TensorBackend backend, DType dtype) {
        // v = 0.125, a = 0.5 * 0.5 = 0.25, v - a^2 = 0.0625, p = 1 - 0.1 * 0.5 / 0.25 = 0.8
        // v = 0.5625, a = 0.125 - 0.5 = -0.375, v - a^2 = 0.5625 - 0.140625 = 0.421875 (sqrt 0.6495190528),
        // p = 0.8 + 0.1 / 0.6495190528 = 0.8 + 0.1539600718 = 0.9539600718
        assertTwoSteps(backend, dtype, "rmsprop(lr=0.1, alpha=0.5, eps=0, centered=true)", 0.8, 0.9539600718);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adadelta(TensorBackend backend, DType dtype) {
        // v = 0.125, d = sqrt(0 + 0.01) / sqrt(0.125 + 0.01) * 0.5 = 0.1 / 0.3674234614 * 0.5 = 0.1360827635,
        // p = 1 - 0.1360827635 = 0.8639172365, u = 0.5 * d^2 = 0.5 * 0.0185185185 = 0.0092592593
        // v = 0.0625 + 0.5 = 0.5625, d = sqrt(0.0192592593) / sqrt(0.5725) * (-1) = 0.1387777333 / 0.7566372975 * (-1)
        //   = -0.1834138150, p = 0.8639172365 + 0.1834138150 = 1.0473310515
        assertTwoSteps(backend, dtype, "adadelta(lr=1, rho=0.5, eps=0.01)", 0.8639172365, 1.0473310515);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adam(TensorBackend backend, DType dtype) {
        // m = 0.25, v = 0.125; m^ = 0.25 / 0.5 = 0.5, v^ = 0.125 / 0.5 = 0.25; p = 1 - 0.1 * 0.5 / 0.5 = 0.9
        // m = 0.125 - 0.5 = -0.375, v = 0.0625 + 0.5 = 0.5625; m^ = -0.375 / 0.75 = -0.5, v^ = 0.75 (sqrt 0.8660254038);
        // p = 0.9 + 0.1 * 0.5 / 0.8660254038 = 0.9 + 0.0577350269 = 0.9577350269
        assertTwoSteps(backend, dtype, "adam(lr=0.1, beta1=0.5, beta2=0.5, eps=0)", 0.9, 0.9577350269);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adamAmsgrad(TensorBackend backend, DType dtype) {
        // Gradients 1, then 0.25, so that v falls and its maximum matters.
        // m = 0.5, v = 0.5, v_max = 0.5; m^ = 1, v^ = 1; p = 1 - 0.1 = 0.9
        // m = 0.25 + 0.125 = 0.375, v = 0.25 + 0.03125 = 0.28125, v_max stays 0.5; m^ = 0.5, v^ = 0.5 / 0.75 = 0.6667
        // (sqrt 0.8164965809); p = 0.9 - 0.1 * 0.5 / 0.8164965809 = 0.9 - 0.0612372436 = 0.8387627564
        // (plain Adam would divide by sqrt(0.28125 / 0.75) = 0.6123724357 and reach 0.8183503419)
        assertTwoSteps(backend, dtype, "adam(lr=0.1, beta1=0.5, beta2=0.5, eps=0, amsgrad=true)", 1, 0.25, 0.9,
                0.8387627564);
        assertTwoSteps(backend, dtype, "adam(lr=0.1, beta1=0.5, beta2=0.5, eps=0)", 1, 0.25, 0.9, 0.8183503419);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adamw(TensorBackend backend, DType dtype) {
        // p = 1 * (1 - 0.1 * 0.5) = 0.95, then Adam's step as above: p = 0.95 - 0.1 = 0.85
        // p = 0.85 * 0.95 = 0.8075, then p = 0.8075 + 0.0577350269 = 0.8652350269
        assertTwoSteps(backend, dtype, "adamw(lr=0.1, beta1=0.5, beta2=0.5, eps=0, weight_decay=0.5)", 0.85,
                0.8652350269);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adamax(TensorBackend backend, DType dtype) {
        // m = 0.25, u = max(0, 0.5) = 0.5; p = 1 - 0.1 / (1 - 0.5) * 0.25 / 0.5 = 1 - 0.1 = 0.9
        // m = 0.125 - 0.5 = -0.375, u = max(0.25, 1) = 1; p = 0.9 - 0.1 / 0.75 * (-0.375) = 0.9 + 0.05 = 0.95
        assertTwoSteps(backend, dtype, "adamax(lr=0.1, beta1=0.5, beta2=0.5, eps=0)", 0.9, 0.95);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void nadam(TensorBackend backend, DType dtype) {
        // momentum_decay = 0 makes every mu = 0.5 * (1 - 0.5) = 0.25; products 0.25, 0.0625, 0.015625.
        // m = 0.25, v = 0.125, d = sqrt(0.125 / 0.5) = 0.5;
        // p = 1 - 0.1 * 0.75 / 0.75 * 0.5 / 0.5 - 0.1 * 0.25 / 0.9375 * 0.25 / 0.5 = 1 - 0.1 - 0.0133333333 = 0.8866666667
        // m = -0.375, v = 0.5625, d = sqrt(0.5625 / 0.75) = 0.8660254038;
        // p = 0.8866666667 - 0.1 * 0.75 / 0.9375 * (-1) / d - 0.1 * 0.25 / 0.984375 * (-0.375) / d
        //   = 0.8866666667 + 0.0923760431 + 0.0109971480 = 0.9900398577
        assertTwoSteps(backend, dtype, "nadam(lr=0.1, beta1=0.5, beta2=0.5, eps=0, momentum_decay=0)", 0.8866666667,
                0.9900398577);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void radam(TensorBackend backend, DType dtype) {
        // beta2 = 0.5 gives rho_inf = 2 / 0.5 - 1 = 3, so rho_t <= 3 < 5: every step is the unrectified p - lr m^.
        // m^ = 0.25 / 0.5 = 0.5, p = 1 - 0.1 * 0.5 = 0.95;  m^ = -0.375 / 0.75 = -0.5, p = 0.95 + 0.05 = 1.0
        // (The rectified branch, from step 6 with beta2 = 0.9 or 0.999, is held to the reference trajectory.)
        assertTwoSteps(backend, dtype, "radam(lr=0.1, beta1=0.5, beta2=0.5, eps=0)", 0.95, 1.0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void adabelief(TensorBackend backend, DType dtype) {
        // m = 0.25, s = 0.5 * (0.5 - 0.25)^2 = 0.03125; m^ = 0.5, s^ = 0.0625 (sqrt 0.25); p = 1 - 0.1 * 0.5 / 0.25 = 0.8
        // m = 0.125 - 0.5 = -0.375, s = 0.015625 + 0.5 * (-1 + 0.375)^2 = 0.015625 + 0.1953125 = 0.2109375;
        // m^ = -0.5, s^ = 0.2109375 / 0.75 = 0.28125 (sqrt 0.5303300859); p = 0.8 + 0.1 * 0.5 / 0.5303300859 = 0.8942809042
        assertTwoSteps(backend, dtype, "adabelief(lr=0.1, beta1=0.5, beta2=0.5, eps=0)", 0.8, 0.8942809042);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void lion(TensorBackend backend, DType dtype) {
        // p = 1 * (1 - 0.1 * 0.5) = 0.95; c = 0.5 * 0 + 0.5 * 0.5 = 0.25 > 0, p = 0.95 - 0.1 = 0.85; m = 0.25
        // p = 0.85 * 0.95 = 0.8075; c = 0.125 - 0.5 = -0.375 < 0, p = 0.8075 + 0.1 = 0.9075; m = -0.375
        assertTwoSteps(backend, dtype, "lion(lr=0.1, beta1=0.5, beta2=0.5, weight_decay=0.5)", 0.85, 0.9075);
    }

    private static void assertTwoSteps(TensorBackend backend, DType dtype, String spec, double first, double second) {
        assertTwoSteps(backend, dtype, spec, 0.5, -1, first, second);
    }

    private static void assertTwoSteps(TensorBackend backend, DType dtype, String spec, double gradient1,
            double gradient2, double first, double second) {
        Optimizer optimizer = Registries.PLUGINS.optimizers().create(spec);
        Tensor parameter = backend.fromArray(dtype, new Shape(1, 1), new double[] {1});
        OptimizerState state = new OptimizerState(parameter);
        // The hand values carry ten decimals.
        double tolerance = dtype == DType.FLOAT64 ? 1e-10 : 1e-6;
        optimizer.update(parameter, backend.fromArray(dtype, new Shape(1, 1), new double[] {gradient1}), state,
                optimizer.learningRate());
        assertEquals(first, parameter.get(0, 0), tolerance, spec + ", step 1");
        optimizer.update(parameter, backend.fromArray(dtype, new Shape(1, 1), new double[] {gradient2}), state,
                optimizer.learningRate());
        assertEquals(second, parameter.get(0, 0), tolerance, spec + ", step 2");
        assertEquals(2, state.steps());
    }
}
