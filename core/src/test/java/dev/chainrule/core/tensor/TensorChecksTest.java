package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message for a tensor of the wrong backend names both backends, or says that they are two instances of one;
 * {@code adamStep}'s names the tensor at fault, its dtype or shape and the parameter's.
 */
class TensorChecksTest {

    private static TensorBackend backend(String name) {
        TensorBackend backend = mock(TensorBackend.class);
        when(backend.name()).thenReturn(name);
        return backend;
    }

    private static Tensor tensorOf(TensorBackend backend) {
        return tensorOf(backend, DType.FLOAT32, new Shape(3, 2));
    }

    private static Tensor tensorOf(TensorBackend backend, DType dtype, Shape shape) {
        Tensor tensor = mock(Tensor.class);
        when(tensor.backend()).thenReturn(backend);
        when(tensor.dtype()).thenReturn(dtype);
        when(tensor.shape()).thenReturn(shape);
        return tensor;
    }

    @Test
    void aTensorOfAnotherBackendNamesBoth() {
        TensorBackend plain = backend("plain");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TensorChecks.sameBackendAndDType("copy", plain, tensorOf(plain), tensorOf(backend("nd4j"))));
        assertEquals("copy: a tensor of backend 'nd4j' was given to backend 'plain'; tensors of two backends cannot be "
                + "mixed", error.getMessage());
    }

    @Test
    void aTensorOfAnotherInstanceOfTheSameBackendSaysSo() {
        TensorBackend plain = backend("plain");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TensorChecks.sameBackendAndDType("copy", plain, tensorOf(plain), tensorOf(backend("plain"))));
        assertEquals("copy: a tensor of another instance of backend 'plain' was given to backend 'plain'; tensors of "
                + "two backends cannot be mixed", error.getMessage());
    }

    /** A call of {@code adamStep} whose tensor at {@code position} (0 parameter .. 4 work) is {@code odd}. */
    private record AdamCase(int position, String backend, DType dtype, Shape shape, String message) {
    }

    static Stream<Arguments> adamStepCases() {
        Shape good = new Shape(3, 2);
        return Stream.of(
                new AdamCase(1, "plain", DType.FLOAT32, new Shape(2, 3), "adamStep: gradient is 2x3 but the parameter "
                        + "is 3x2; all five tensors must have one shape"),
                new AdamCase(2, "plain", DType.FLOAT32, new Shape(3, 1), "adamStep: m is 3x1 but the parameter is 3x2; "
                        + "all five tensors must have one shape"),
                new AdamCase(3, "plain", DType.FLOAT64, good, "adamStep: v is float64 but the parameter is float32; "
                        + "convert one tensor first"),
                new AdamCase(4, "plain", DType.FLOAT32, new Shape(1, 6), "adamStep: work is 1x6 but the parameter is "
                        + "3x2; all five tensors must have one shape"),
                new AdamCase(2, "nd4j", DType.FLOAT32, good, "adamStep: m is a tensor of backend 'nd4j' but was given "
                        + "to backend 'plain'; tensors of two backends cannot be mixed"),
                new AdamCase(0, "nd4j", DType.FLOAT32, good, "adamStep: parameter is a tensor of backend 'nd4j' but was "
                        + "given to backend 'plain'; tensors of two backends cannot be mixed"))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("adamStepCases")
    void adamStepNamesTheOperationTheTensorAndBothShapesOrDTypes(AdamCase odd) {
        TensorBackend plain = backend("plain");
        Tensor[] tensors = new Tensor[5];
        for (int i = 0; i < tensors.length; i++) {
            TensorBackend owner = odd.backend().equals("plain") ? plain : backend(odd.backend());
            tensors[i] = i == odd.position() ? tensorOf(owner, odd.dtype(), odd.shape()) : tensorOf(plain);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TensorChecks.adamStep(plain, tensors[0], tensors[1], tensors[2], tensors[3], tensors[4]));
        assertEquals(odd.message(), error.getMessage());
    }

    @Test
    void adamStepAcceptsFiveTensorsOfOneBackendDTypeAndShape() {
        TensorBackend plain = backend("plain");
        assertDoesNotThrow(() -> TensorChecks.adamStep(plain, tensorOf(plain), tensorOf(plain), tensorOf(plain),
                tensorOf(plain), tensorOf(plain)));
    }
}
