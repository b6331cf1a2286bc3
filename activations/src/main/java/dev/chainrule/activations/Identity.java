package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.Tensor;
import java.util.Set;

/** {@code phi(z) = z}; {@code phi'(z) = 1}. Also found as {@code linear}. */
@AutoService(Activation.class)
public final class Identity implements Activation {

    /** The registry name. */
    public static final String NAME = "identity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("linear");
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().copy(z, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        return z.backend().copy(gradA, out);
    }
}
