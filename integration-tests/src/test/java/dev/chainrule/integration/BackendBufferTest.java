package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in backends keep a tensor's work tensors ({@link Tensor#scratch}): the same slot and shape give the same
 * tensor every time, which is what lets a training step allocate nothing per batch. (The test kit's backend contract
 * checks what every backend must do with them.)
 */
class BackendBufferTest {

    @ParameterizedTest
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void aSlotAndShapeGiveTheSameWorkTensor(TensorBackend backend, DType dtype) {
        Tensor out = backend.zeros(dtype, new Shape(3, 4));
        Tensor work = out.scratch(0);
        assertSame(work, out.scratch(0));
        assertSame(work, out.scratch(0, new Shape(3, 4)));
        Tensor column = out.scratch(0, new Shape(3, 1));
        assertSame(column, out.scratch(0, new Shape(3, 1)));
        assertSame(column, out.scratch(0, 3, 1));
        assertSame(work, out.scratch(0, 3, 4));
        Tensor row = out.scratch(1, 1, 4);
        assertEquals(new Shape(1, 4), row.shape());
        assertSame(row, out.scratch(1, new Shape(1, 4)));
        assertSame(work, out.scratch(0));
        assertThrows(IllegalArgumentException.class, () -> out.scratch(-1));
        assertThrows(IllegalArgumentException.class, () -> out.scratch(-1, 3, 1));
    }
}
