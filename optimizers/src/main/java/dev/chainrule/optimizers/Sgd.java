package dev.chainrule.optimizers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * Stochastic gradient descent with optional momentum (Polyak 1964; Nesterov as in Sutskever et al. 2013), defined
 * as PyTorch's {@code torch.optim.SGD}:
 * <pre>
 * g = grad + weight_decay * p
 * b = g on the first step, else momentum * b + (1 - dampening) * g
 * g = g + momentum * b  (nesterov)   or   g = b  (momentum > 0)
 * p = p - lr * g
 * </pre>
 * Parameters: {@code lr} (0.01), {@code momentum} (0), {@code dampening} (0), {@code nesterov} (false),
 * {@code weight_decay} (0).
 */
@AutoService(Optimizer.class)
public final class Sgd implements Optimizer {

    /** The registry name. */
    public static final String NAME = "sgd";

    private final double learningRate;
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final Spec spec;

    /** Plain SGD with the defaults, for discovery. */
    public Sgd() {
        this(Arguments.defaults(NAME));
    }

    private Sgd(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.01);
        this.momentum = Hyperparameters.nonNegative(arguments, "momentum", 0);
        this.dampening = arguments.number("dampening", 0, value -> value >= 0 && value <= 1, "must lie in [0, 1]");
        this.nesterov = arguments.flag("nesterov", false);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        if (nesterov && (momentum == 0 || dampening != 0)) {
            throw new IllegalArgumentException("sgd: nesterov needs momentum > 0 and dampening 0, got momentum "
                    + momentum + " and dampening " + dampening);
        }
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Sgd configure(Arguments arguments) {
        return new Sgd(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void update(Tensor parameter, Tensor gradient, OptimizerState state, double rate) {
        TensorBackend backend = parameter.backend();
        long step = state.advance();
        Tensor g = WeightDecay.coupled(parameter, gradient, weightDecay, state);
        if (momentum != 0) {
            Tensor buffer = state.slot("momentum_buffer");
            if (step == 1) {
                backend.copy(g, buffer);
            } else {
                backend.binary(BinaryOp.MUL, buffer, momentum, buffer);
                backend.addScaled(buffer, 1 - dampening, g, buffer);
            }
            if (nesterov) {
                backend.addScaled(parameter, -rate, g, parameter);
                backend.addScaled(parameter, -rate * momentum, buffer, parameter);
                return;
            }
            g = buffer;
        }
        backend.addScaled(parameter, -rate, g, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
