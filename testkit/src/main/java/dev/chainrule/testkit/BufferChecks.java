package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * The operations that let a training step reuse its buffers: a tensor's work tensors ({@link Tensor#scratch}),
 * reading a tensor into a caller's array, and writing rows into part of a tensor. Their defaults in the SPI are
 * correct; a backend that overrides them must stay so.
 */
final class BufferChecks {

    private BufferChecks() {
    }

    static void workTensorsAreDistinctFromTheirOwnerAndFromEachOther(TensorBackend backend, DType dtype) {
        Tensor out = backend.zeros(dtype, new Shape(3, 4));
        Tensor work = out.scratch(0);
        assertEquals(out.shape(), work.shape());
        assertEquals(dtype, work.dtype());
        assertSame(backend, work.backend());
        assertNotSame(out, work);
        assertNotSame(work, out.scratch(1));
        Tensor column = out.scratch(0, new Shape(3, 1));
        assertEquals(new Shape(3, 1), column.shape());
        assertNotSame(work, column);
        backend.fill(2, work);
        backend.fill(3, column);
        backend.fill(5, out.scratch(1));
        assertArrayEquals(new double[12], out.toDoubleArray(), "writing work tensors changed their owner");
    }

    static void toDoubleArrayFillsTheCallersArray(TensorBackend backend, DType dtype) {
        Tensor tensor = backend.fromArray(dtype, new Shape(2, 3), new double[] {1, -2, 3.5, 4, 0, -0.25});
        double[] values = new double[6];
        assertSame(values, backend.toDoubleArray(tensor, values));
        assertArrayEquals(new double[] {1, -2, 3.5, 4, 0, -0.25}, values);
        assertThrows(IllegalArgumentException.class, () -> backend.toDoubleArray(tensor, new double[5]));
    }

    static void assignRowsWritesTheRowsAndLeavesTheOthers(TensorBackend backend, DType dtype) {
        Tensor tensor = backend.fill(9, backend.zeros(dtype, new Shape(4, 2)));
        assertSame(tensor, backend.assignRows(new double[] {1, 2, 3, 4}, 1, tensor));
        assertArrayEquals(new double[] {9, 9, 1, 2, 3, 4, 9, 9}, tensor.toDoubleArray());
        backend.assignRows(new double[] {5, 6}, 3, tensor);
        assertArrayEquals(new double[] {9, 9, 1, 2, 3, 4, 5, 6}, tensor.toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> backend.assignRows(new double[] {1, 2, 3, 4}, 3, tensor));
        assertThrows(IllegalArgumentException.class, () -> backend.assignRows(new double[] {1, 2, 3}, 0, tensor));
    }
}
