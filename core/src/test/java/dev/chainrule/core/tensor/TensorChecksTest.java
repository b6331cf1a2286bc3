package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

/** The message for a tensor of the wrong backend names both backends, or says that they are two instances of one. */
class TensorChecksTest {

    private static TensorBackend backend(String name) {
        TensorBackend backend = mock(TensorBackend.class);
        when(backend.name()).thenReturn(name);
        return backend;
    }

    private static Tensor tensorOf(TensorBackend backend) {
        Tensor tensor = mock(Tensor.class);
        when(tensor.backend()).thenReturn(backend);
        when(tensor.dtype()).thenReturn(DType.FLOAT32);
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
}
