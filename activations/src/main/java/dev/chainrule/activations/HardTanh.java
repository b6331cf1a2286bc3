package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * {@code phi(z) = min(max(z, min), max)}; {@code phi'(z) = 1 for min < z < max, else 0}. As PyTorch's
 * {@code Hardtanh}. Parameters: {@code min} (-1.0) and {@code max} (1.0), finite with {@code min < max}; PyTorch's
 * names {@code min_val} and {@code max_val} are accepted too.
 */
@AutoService(Activation.class)
public final class HardTanh implements Activation {

    /** The registry name. */
    public static final String NAME = "hard_tanh";

    private final double min;
    private final double max;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public HardTanh() {
        this(Arguments.defaults(NAME));
    }

    private HardTanh(Arguments arguments) {
        arguments.alias("min", "min_val").alias("max", "max_val");
        this.min = arguments.number("min", -1.0, Double::isFinite, "must be finite");
        this.max = arguments.number("max", 1.0, Double::isFinite, "must be finite");
        if (min >= max) {
            throw new IllegalArgumentException(NAME + ": min must be < max, got min " + min + " and max " + max);
        }
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HardTanh configure(Arguments arguments) {
        return new HardTanh(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MAX, z, min, out);
        return backend.binary(BinaryOp.MIN, out, max, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        return Stable.times(gradA, Stable.between(z, min, max, out), out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
