package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/**
 * The scaled exponential linear unit (Klambauer et al. 2017), as PyTorch's {@code SELU}:
 * {@code phi(z) = scale z for z > 0, else scale alpha (e^z - 1)};
 * {@code phi'(z) = scale for z > 0, else scale alpha e^z}, with {@code alpha = 1.6732632423543772848170429916717}
 * and {@code scale = 1.0507009873554804934193349852946}. Recommends LeCun-normal initialisation, under which it
 * self-normalises.
 */
@AutoService(Activation.class)
public final class SELU implements Activation {

    /** The registry name. */
    public static final String NAME = "selu";

    private static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double SCALE = 1.0507009873554804934193349852946;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        ExponentialLinear.forward(z, ALPHA, 1, out);
        return z.backend().binary(BinaryOp.MUL, out, SCALE, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        ExponentialLinear.derivative(z, ALPHA, 1, out);
        z.backend().binary(BinaryOp.MUL, out, SCALE, out);
        return Stable.times(gradA, out, out);
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("lecun_normal");
    }
}
