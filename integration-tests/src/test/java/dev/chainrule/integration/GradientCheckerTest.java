package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The gradient checker catches a wrong derivative and says where, with both numbers. */
class GradientCheckerTest {

    /** tanh with a derivative off by a factor of 1.5. */
    private static final class WrongTanh implements Activation {
        private final Activation tanh = Registries.PLUGINS.activations().create("tanh");

        @Override
        public String name() {
            return "wrong_tanh";
        }

        @Override
        public Tensor forward(Tensor z, Tensor out) {
            return tanh.forward(z, out);
        }

        @Override
        public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
            tanh.backward(z, a, gradA, out);
            return out.backend().binary(BinaryOp.MUL, out, 1.5, out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aWrongDerivativeFailsWithTheFunctionThePointAndBothNumbers(TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 3, 3, -2, 2, 4);
        GradientCheckResult result = GradientChecker.check(new WrongTanh(), z, 1);
        assertFalse(result.passes(1e-3));
        AssertionError error = assertThrows(AssertionError.class, () -> result.requireWithin(1e-6));
        String message = error.getMessage();
        assertTrue(message.startsWith("gradient check of activation wrong_tanh: max error 3.333e-01 at row "), message);
        assertTrue(message.contains("analytical") && message.contains("numerical"), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void reluKinksAreSkippedNotFailed(TensorBackend backend) {
        Tensor z = Points.of(backend, DType.FLOAT64, new double[][] {{0, 1, -1, 0}});
        GradientCheckResult result = GradientChecker.check(Registries.PLUGINS.activations().create("relu"), z, 1);
        assertTrue(result.passes(1e-9), result.describe());
        assertTrue(result.skipped() == 2, result.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void float32IsRefused(TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT32, 2, 2, -1, 1, 4);
        assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(Registries.PLUGINS.activations().create("tanh"), z, 1));
    }
}
