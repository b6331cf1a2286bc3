package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;

/** A FLOAT32 tensor over a {@code float[]}. */
final class Float32Tensor extends PlainTensor {

    final float[] data;

    Float32Tensor(PlainBackend backend, Shape shape, float[] data) {
        super(backend, shape);
        this.data = data;
    }

    @Override
    public DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    double at(int i) {
        return data[i];
    }
}
