package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * {@code phi(z) = z relu6(z + 3) / 6}: {@code 0} for {@code z <= -3}, {@code z} for {@code z >= 3}, else
 * {@code z (z + 3) / 6}; {@code phi'(z) = 0 for z < -3, 1 for z > 3, else (2z + 3) / 6}. As PyTorch's
 * {@code Hardswish} (Howard et al. 2019).
 */
@AutoService(Activation.class)
public final class HardSwish implements Activation {

    /** The registry name. */
    public static final String NAME = "hard_swish";

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
        backend.binary(BinaryOp.DIV, out, 6, out);
        return backend.binary(BinaryOp.MUL, z, out, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MUL, z, 2, out);
        backend.binary(BinaryOp.ADD, out, 3, out);
        backend.binary(BinaryOp.DIV, out, 6, out);
        Stable.select(backend.binary(BinaryOp.GREATER, z, 3, out.scratch(0)), 1, out, out);
        Stable.select(backend.binary(BinaryOp.LESS, z, -3, out.scratch(0)), 0, out, out);
        return Stable.times(gradA, out, out);
    }
}
