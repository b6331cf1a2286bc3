package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/**
 * {@code phi(z) = z for z > theta, else 0}; {@code phi'(z) = 1 for z > theta, else 0} (it jumps at {@code theta}).
 * As Keras's and Deeplearning4j's {@code ThresholdedReLU} (PyTorch's {@code Threshold} is a different function).
 * Parameter: {@code theta} (1.0), finite and {@code >= 0}.
 */
@AutoService(Activation.class)
public final class ThresholdedReLU implements Activation {

    /** The registry name. */
    public static final String NAME = "thresholded_relu";

    private final double theta;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public ThresholdedReLU() {
        this(Arguments.defaults(NAME));
    }

    private ThresholdedReLU(Arguments arguments) {
        this.theta = arguments.number("theta", 1.0, value -> Double.isFinite(value) && value >= 0,
                "must be finite and >= 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ThresholdedReLU configure(Arguments arguments) {
        return new ThresholdedReLU(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        z.backend().binary(BinaryOp.GREATER, z, theta, out);
        return z.backend().binary(BinaryOp.MUL, z, out, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        z.backend().binary(BinaryOp.GREATER, z, theta, out);
        return Stable.times(gradA, out, out);
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("he_normal");
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
