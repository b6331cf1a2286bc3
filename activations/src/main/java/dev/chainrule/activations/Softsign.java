package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/** {@code phi(z) = z / (1 + |z|)}; {@code phi'(z) = 1 / (1 + |z|)^2}. As PyTorch's {@code Softsign}. */
@AutoService(Activation.class)
public final class Softsign implements Activation {

    /** The registry name. */
    public static final String NAME = "softsign";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.ABS, z, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        return backend.binary(BinaryOp.DIV, z, out, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.ABS, z, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        backend.unary(UnaryOp.SQUARE, out, out);
        return backend.binary(BinaryOp.DIV, gradA, out, out);
    }
}
