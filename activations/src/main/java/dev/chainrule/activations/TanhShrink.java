package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/** {@code phi(z) = z - tanh(z)}; {@code phi'(z) = tanh(z)^2}. As PyTorch's {@code Tanhshrink}. */
@AutoService(Activation.class)
public final class TanhShrink implements Activation {

    /** The registry name. */
    public static final String NAME = "tanh_shrink";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        z.backend().unary(UnaryOp.TANH, z, out);
        return z.backend().binary(BinaryOp.SUB, z, out, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        z.backend().unary(UnaryOp.TANH, z, out);
        z.backend().unary(UnaryOp.SQUARE, out, out);
        return Stable.times(gradA, out, out);
    }
}
