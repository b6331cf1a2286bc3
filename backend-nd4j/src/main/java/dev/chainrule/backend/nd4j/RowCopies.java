package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.DType;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Rows copied from one native buffer to another, a block copy per row through the tensors' buffer views: no Java
 * array in between. ND4J's {@code pullRows} computed a sub-array's shape and offset for every row and took four times
 * as long for a batch of 128 images.
 */
final class RowCopies {

    private RowCopies() {
    }

    /**
     * Row {@code i} of {@code out} becomes row {@code rowIndices[offset + i]} of {@code source}; indices and shapes
     * are already checked, and {@code out} is not {@code source}.
     */
    static void gather(Nd4jTensor source, int[] rowIndices, int offset, Nd4jTensor out) {
        int columns = out.columns();
        int rows = out.rows();
        if (out.dtype() == DType.FLOAT32) {
            FloatBuffer from = source.floats();
            FloatBuffer to = out.floats();
            for (int i = 0; i < rows; i++) {
                to.put(i * columns, from, rowIndices[offset + i] * columns, columns);
            }
        } else {
            DoubleBuffer from = source.doubles();
            DoubleBuffer to = out.doubles();
            for (int i = 0; i < rows; i++) {
                to.put(i * columns, from, rowIndices[offset + i] * columns, columns);
            }
        }
    }
}
