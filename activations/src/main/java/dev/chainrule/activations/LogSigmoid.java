package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * {@code phi(z) = log(1 / (1 + e^-z)) = -softplus(-z)}; {@code phi'(z) = 1 - sigmoid(z) = sigmoid(-z)}. Computed as
 * {@code min(z, 0) - log1p(e^-|z|)}, finite and exact in both tails. As PyTorch's {@code LogSigmoid}.
 */
@AutoService(Activation.class)
public final class LogSigmoid implements Activation {

    /** The registry name. */
    public static final String NAME = "log_sigmoid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Stable.softplus(backend.unary(UnaryOp.NEG, z, out), out);
        return backend.unary(UnaryOp.NEG, out, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        Stable.sigmoid(z.backend().unary(UnaryOp.NEG, z, out), out);
        return Stable.times(gradA, out, out);
    }
}
