package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.integration.fixtures.SquareActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an activation written on {@code ScalarActivation} gets without writing it: tensors of another shape but the
 * same size, which element-wise code would fill silently, are refused naming the activation and the argument, and the
 * activation prints as its spec.
 */
class ScalarActivationTest {

    private final Activation square = new SquareActivation();

    @ParameterizedTest(name = "on {0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void tensorsOfAnotherShapeAreRefused(TensorBackend backend) {
        Tensor z = backend.fromArray(DType.FLOAT64, new Shape(2, 3), new double[] {-2, -1, 0, 1, 2, 3});
        Tensor a = square.forward(z);
        assertArrayEquals(new double[] {2, 0.5, 0, 0.5, 2, 4.5}, a.toDoubleArray());
        Tensor transposed = backend.fromArray(DType.FLOAT64, new Shape(3, 2), new double[6]);

        assertRefused("test_half_square.forward: out is 3x2 but must be 2x3", () -> square.forward(z, transposed));
        assertRefused("test_half_square.backward: gradA is 3x2 but must be 2x3",
                () -> square.backward(z, a, transposed, z.newLike()));
        assertRefused("test_half_square.backward: out is 3x2 but must be 2x3",
                () -> square.backward(z, a, z.newLike(), transposed));
    }

    @Test
    void itPrintsAsItsSpec() {
        assertEquals(SquareActivation.NAME, square.toString());
    }

    private static void assertRefused(String message, Runnable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
