package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * {@code phi(z) = 1 / (1 + e^-z)}; {@code phi'(z) = phi(z) (1 - phi(z))}. Computed from {@code e = e^-|z|} as
 * {@code 1 / (1 + e)} for {@code z >= 0} and {@code e / (1 + e)} below, which never overflows and keeps full relative
 * precision in both tails.
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
        return Stable.sigmoid(z, out);
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
