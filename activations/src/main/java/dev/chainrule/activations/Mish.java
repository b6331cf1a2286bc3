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
        return z.backend().binary(BinaryOp.MUL, z, tanhSoftplus(z), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor t = tanhSoftplus(z);
        Tensor slope = t.map(UnaryOp.SQUARE).rsub(1);
        backend.binary(BinaryOp.MUL, slope, Stable.sigmoid(z, z.newLike()), slope);
        backend.binary(BinaryOp.MUL, slope, z, slope);
        backend.binary(BinaryOp.ADD, slope, t, slope);
        return Stable.times(gradA, slope, out);
    }

    private static Tensor tanhSoftplus(Tensor z) {
        Tensor t = Stable.softplus(z, z.newLike());
        return z.backend().unary(UnaryOp.TANH, t, t);
    }
}
