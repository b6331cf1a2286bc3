package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * {@code phi(z) = relu6(z + 3) / 6}: {@code 0} for {@code z <= -3}, {@code 1} for {@code z >= 3}, else
 * {@code z / 6 + 1/2}; {@code phi'(z) = 1/6 for -3 < z < 3, else 0}. As PyTorch's {@code Hardsigmoid}.
 */
@AutoService(Activation.class)
public final class HardSigmoid implements Activation {

    /** The registry name. */
    public static final String NAME = "hard_sigmoid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.ADD, z, 3, out);
        backend.binary(BinaryOp.MAX, out, 0, out);
        backend.binary(BinaryOp.MIN, out, 6, out);
        return backend.binary(BinaryOp.DIV, out, 6, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        Stable.between(z, -3, 3, out);
        z.backend().binary(BinaryOp.DIV, out, 6, out);
        return Stable.times(gradA, out, out);
    }
}
