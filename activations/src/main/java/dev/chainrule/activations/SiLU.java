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
        TensorBackend backend = z.backend();
        Tensor gate = Stable.sigmoid(backend.binary(BinaryOp.MUL, z, beta, out.scratch(0)), out);
        return backend.binary(BinaryOp.MUL, z, gate, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor scaled = backend.binary(BinaryOp.MUL, z, beta, out.scratch(0));
        Tensor gate = Stable.sigmoid(scaled, out.scratch(1));
        Stable.sigmoid(backend.binary(BinaryOp.MUL, scaled, -1, out), out);
        backend.binary(BinaryOp.MUL, out, scaled, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        backend.binary(BinaryOp.MUL, out, gate, out);
        return Stable.times(gradA, out, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
