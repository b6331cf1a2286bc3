package dev.chainrule.core.io;

import java.nio.ByteBuffer;

/** Checks on the numbers of a model file before any of them reaches a network. */
final class StoredValues {

    private StoredValues() {
    }

    /**
     * Fails unless every stored parameter and state value, read from {@code values} in the header's order, is a finite
     * number: a NaN or infinite weight makes every prediction NaN, so such a file is refused by name and position.
     */
    static void checkFinite(ModelHeader header, ByteBuffer values, String source) throws ModelFileException {
        boolean doubles = header.bytesPerValue() == Double.BYTES;
        for (ModelHeader.Tensor tensor : header.tensors()) {
            for (long i = 0; i < tensor.size(); i++) {
                double value = doubles ? values.getDouble() : values.getFloat();
                if (!Double.isFinite(value)) {
                    throw new ModelFileException(source + " is corrupt: the tensor '" + tensor.name() + "' holds "
                            + value + " at row " + (i / tensor.columns() + 1) + ", column "
                            + (i % tensor.columns() + 1) + "; a model's numbers must be finite");
                }
            }
        }
    }
}
