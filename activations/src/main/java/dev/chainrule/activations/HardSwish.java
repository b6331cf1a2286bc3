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
        Tensor gate = z.add(3);
        backend.binary(BinaryOp.MAX, gate, 0, gate);
        backend.binary(BinaryOp.MIN, gate, 6, gate);
        backend.binary(BinaryOp.DIV, gate, 6, gate);
        return backend.binary(BinaryOp.MUL, z, gate, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor slope = z.mul(2);
        backend.binary(BinaryOp.ADD, slope, 3, slope);
        backend.binary(BinaryOp.DIV, slope, 6, slope);
        Stable.select(z.zip(BinaryOp.GREATER, 3), 1, slope, slope);
        Stable.select(z.zip(BinaryOp.LESS, -3), 0, slope, slope);
        return Stable.times(gradA, slope, out);
    }
}
