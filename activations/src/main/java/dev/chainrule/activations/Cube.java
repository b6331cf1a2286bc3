package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/** {@code phi(z) = z^3}; {@code phi'(z) = 3 z^2}. As Deeplearning4j's {@code CUBE}. */
@AutoService(Activation.class)
public final class Cube implements Activation {

    /** The registry name. */
    public static final String NAME = "cube";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.SQUARE, z, out);
        return backend.binary(BinaryOp.MUL, out, z, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.SQUARE, z, out);
        backend.binary(BinaryOp.MUL, out, 3, out);
        return Stable.times(gradA, out, out);
    }
}
