package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * {@code phi(z) = e^z}; {@code phi'(z) = e^z = phi(z)}. It overflows by definition above {@code ln} of the largest
 * number, {@code 88.72} in float32 and {@code 709.78} in float64, so its {@link #finiteDomain} ends at 88 and 709.
 */
@AutoService(Activation.class)
public final class Exponential implements Activation {

    /** The registry name. */
    public static final String NAME = "exponential";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().unary(UnaryOp.EXP, z, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        return Stable.times(gradA, a, out);
    }

    @Override
    public FiniteDomain finiteDomain(DType dtype) {
        return FiniteDomain.atMost(dtype == DType.FLOAT32 ? 88 : 709);
    }
}
