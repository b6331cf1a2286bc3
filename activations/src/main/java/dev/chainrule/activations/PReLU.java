package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;

/**
 * The parametric ReLU (He et al. 2015) with a slope {@code s_j} learned for every unit {@code j}, as PyTorch's
 * {@code PReLU(num_parameters=units)}: {@code phi(z) = max(0, z) + s_j min(0, z)};
 * {@code phi'(z) = 1 for z > 0, else s_j}; {@code dphi/ds_j = min(0, z)}. Parameter: {@code init} (0.25), the slopes'
 * starting value.
 *
 * <p>Bound to a layer ({@link #bind}) it owns a {@code 1 x units} tensor of slopes, its one trainable parameter
 * {@code prelu slope}. The layer lists it after the weights and bias (as {@code layer k prelu slope}), so the
 * optimizer updates it like a weight. An unbound instance, as the registry makes it, has no slopes yet and refuses to
 * run.
 */
@AutoService(Activation.class)
public final class PReLU implements Activation {

    /** The registry name. */
    public static final String NAME = "prelu";

    private final double init;
    private final Spec spec;
    private final List<Parameter> parameters;

    /** The default configuration, for discovery. */
    public PReLU() {
        this(Arguments.defaults(NAME));
    }

    private PReLU(Arguments arguments) {
        this.init = arguments.number("init", 0.25, Double::isFinite, "must be finite");
        this.spec = arguments.resolvedSpec();
        this.parameters = List.of();
    }

    private PReLU(PReLU configuration, Tensor slopes) {
        this.init = configuration.init;
        this.spec = configuration.spec;
        this.parameters = List.of(new Parameter("prelu slope", slopes));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PReLU configure(Arguments arguments) {
        return new PReLU(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** A new instance with its own {@code 1 x units} slopes, each {@code init}. */
    @Override
    public PReLU bind(int units, TensorBackend backend, DType dtype) {
        return new PReLU(this, backend.fill(init, backend.zeros(dtype, new Shape(1, units))));
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor negative = backend.binary(BinaryOp.MIN, z, 0, out.scratch(0));
        backend.binary(BinaryOp.MUL, negative, slopes(z), negative);
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.binary(BinaryOp.ADD, out, negative, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.fill(0, out);
        backend.binary(BinaryOp.ADD, out, slopes(z), out);
        Stable.select(backend.binary(BinaryOp.GREATER, z, 0, out.scratch(0)), 1, out, out);
        return Stable.times(gradA, out, out);
    }

    /** {@code dE/ds_j = sum over the batch of gradA * min(0, z)}. */
    @Override
    public void parameterGradients(Tensor z, Tensor a, Tensor gradA, List<Tensor> out) {
        slopes(z);
        Tensor contribution = z.backend().binary(BinaryOp.MIN, z, 0, out.get(0).scratch(0, z.shape()));
        z.backend().binary(BinaryOp.MUL, contribution, gradA, contribution);
        z.backend().reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, contribution, out.get(0));
    }

    private Tensor slopes(Tensor z) {
        if (parameters.isEmpty()) {
            throw new IllegalStateException(NAME + " has no slopes until it is bound to a layer: build the network with "
                    + "NetworkBuilder, or call bind(units, backend, dtype)");
        }
        Tensor slopes = parameters.get(0).value();
        if (z.columns() != slopes.columns()) {
            throw new IllegalArgumentException(NAME + " is bound to " + slopes.columns() + " units but z is " + z.shape());
        }
        return slopes;
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("he_normal");
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? spec.toString() : spec + " over " + parameters.get(0).value().columns() + " units";
    }
}
