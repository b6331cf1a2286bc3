package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * {@code phi(z) = 1 / (1 + e^-z)}; {@code phi'(z) = phi(z) (1 - phi(z))}. Computed as {@code (1 + tanh(z/2)) / 2},
 * which never overflows.
 */
@AutoService(Activation.class)
public final class Sigmoid implements Activation {

    /** The registry name. */
    public static final String NAME = "sigmoid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MUL, z, 0.5, out);
        backend.unary(UnaryOp.TANH, out, out);
        backend.binary(BinaryOp.MUL, out, 0.5, out);
        return backend.binary(BinaryOp.ADD, out, 0.5, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MUL, a, -1, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        backend.binary(BinaryOp.MUL, out, a, out);
        return backend.binary(BinaryOp.MUL, out, gradA, out);
    }
}
