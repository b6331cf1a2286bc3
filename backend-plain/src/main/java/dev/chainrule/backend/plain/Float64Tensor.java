package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;

/** A FLOAT64 tensor over a Java array of its element type. */
final class Float64Tensor extends PlainTensor {

    final double[] data;

    Float64Tensor(PlainBackend backend, Shape shape, double[] data) {
        super(backend, shape);
        this.data = data;
    }

    @Override
    public DType dtype() {
        return DType.FLOAT64;
    }

    @Override
    /* wide */ double at(int i) {
        return data[i];
    }
}
