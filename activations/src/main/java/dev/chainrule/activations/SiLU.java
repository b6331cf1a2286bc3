package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Set;

/**
 * The sigmoid linear unit, also found as {@code swish} (Ramachandran et al. 2017), as PyTorch's {@code SiLU} when
 * {@code beta = 1}: {@code phi(z) = z sigmoid(beta z)};
 * {@code phi'(z) = sigmoid(beta z) + beta z sigmoid(beta z) sigmoid(-beta z)}. Parameter: {@code beta} (1.0), finite
 * and {@code > 0} (swish's fixed form; PyTorch's SiLU has none).
 */
@AutoService(Activation.class)
public final class SiLU implements Activation {

    /** The registry name. */
    public static final String NAME = "silu";

    private final double beta;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public SiLU() {
        this(Arguments.defaults(NAME));
    }

    private SiLU(Arguments arguments) {
        this.beta = arguments.number("beta", 1.0, value -> Double.isFinite(value) && value > 0, "must be finite and > 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("swish");
    }

    @Override
    public SiLU configure(Arguments arguments) {
        return new SiLU(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        Tensor gate = Stable.sigmoid(z.mul(beta), z.newLike());
        return z.backend().binary(BinaryOp.MUL, z, gate, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor scaled = z.mul(beta);
        Tensor gate = Stable.sigmoid(scaled, z.newLike());
        Tensor slope = Stable.sigmoid(scaled.mul(-1), z.newLike());
        backend.binary(BinaryOp.MUL, slope, scaled, slope);
        backend.binary(BinaryOp.ADD, slope, 1, slope);
        backend.binary(BinaryOp.MUL, slope, gate, slope);
        return Stable.times(gradA, slope, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
