package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/** {@code phi(z) = tanh(z)}; {@code phi'(z) = 1 - tanh(z)^2}. */
@AutoService(Activation.class)
public final class Tanh implements Activation {

    /** The registry name. */
    public static final String NAME = "tanh";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().unary(UnaryOp.TANH, z, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.SQUARE, a, out);
        backend.binary(BinaryOp.MUL, out, -1, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        return backend.binary(BinaryOp.MUL, out, gradA, out);
    }
}
