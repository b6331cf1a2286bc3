package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/** {@code phi(z) = min(max(z, 0), 6)}; {@code phi'(z) = 1 for 0 < z < 6, else 0}. As PyTorch's {@code ReLU6}. */
@AutoService(Activation.class)
public final class ReLU6 implements Activation {

    /** The registry name. */
    public static final String NAME = "relu6";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.binary(BinaryOp.MIN, out, 6, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        return Stable.times(gradA, Stable.between(z, 0, 6, out), out);
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("he_normal");
    }
}
