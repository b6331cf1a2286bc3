package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/** {@code phi(z) = max(z, 0)}; {@code phi'(z) = 1 for z > 0, else 0} (0 at the kink, as PyTorch). */
@AutoService(Activation.class)
public final class ReLU implements Activation {

    /** The registry name. */
    public static final String NAME = "relu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().binary(BinaryOp.MAX, z, 0, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.GREATER, z, 0, out);
        return backend.binary(BinaryOp.MUL, out, gradA, out);
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("he_normal");
    }
}
