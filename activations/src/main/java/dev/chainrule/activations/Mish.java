package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Mish (Misra 2019), as PyTorch's {@code Mish}: with {@code t = tanh(softplus(z))}, {@code phi(z) = z t};
 * {@code phi'(z) = t + z (1 - t^2) sigmoid(z)}. Softplus and sigmoid are taken in their stable forms, so both stay
 * finite for any {@code z}.
 */
@AutoService(Activation.class)
public final class Mish implements Activation {

    /** The registry name. */
    public static final String NAME = "mish";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().binary(BinaryOp.MUL, z, tanhSoftplus(z, out), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor t = tanhSoftplus(z, out.scratch(0));
        backend.unary(UnaryOp.SQUARE, t, out);
        backend.unary(UnaryOp.NEG, out, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        backend.binary(BinaryOp.MUL, out, Stable.sigmoid(z, out.scratch(1)), out);
        backend.binary(BinaryOp.MUL, out, z, out);
        backend.binary(BinaryOp.ADD, out, t, out);
        return Stable.times(gradA, out, out);
    }

    private static Tensor tanhSoftplus(Tensor z, Tensor out) {
        Tensor t = Stable.softplus(z, out);
        return z.backend().unary(UnaryOp.TANH, t, t);
    }
}
