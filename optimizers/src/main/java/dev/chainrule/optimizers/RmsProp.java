package dev.chainrule.optimizers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * RMSprop (Hinton, Lecture 6e of "Neural Networks for Machine Learning", 2012; the centered form from Graves 2013,
 * "Generating Sequences With Recurrent Neural Networks"), as PyTorch's {@code torch.optim.RMSprop} defines it:
 * <pre>
 * g = grad + weight_decay * p
 * v = alpha v + (1 - alpha) g^2
 * centered: a = alpha a + (1 - alpha) g,  and v - a^2 replaces v below
 * momentum > 0: b = momentum b + g / (sqrt(v) + eps),  p = p - lr b
 * otherwise:    p = p - lr g / (sqrt(v) + eps)
 * </pre>
 * Parameters: {@code lr} (0.01), {@code alpha} (0.99), {@code eps} (1e-8), {@code weight_decay} (0),
 * {@code momentum} (0), {@code centered} (false).
 */
@AutoService(Optimizer.class)
public final class RmsProp implements Optimizer {

    /** The registry name. */
    public static final String NAME = "rmsprop";

    private final double learningRate;
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final Spec spec;

    /** RMSprop with the defaults, for discovery. */
    public RmsProp() {
        this(Arguments.defaults(NAME));
    }

    private RmsProp(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.01);
        this.alpha = Hyperparameters.decayRate(arguments, "alpha", 0.99);
        this.eps = Hyperparameters.epsilon(arguments, 1e-8);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.momentum = Hyperparameters.nonNegative(arguments, "momentum", 0);
        this.centered = arguments.flag("centered", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RmsProp configure(Arguments arguments) {
        return new RmsProp(arguments);
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
        state.advance();
        Tensor g = WeightDecay.coupled(parameter, gradient, weightDecay, state);
        Tensor v = state.slot("square_avg");
        Tensor work = state.scratch("step");
        Moments.updateSquares(v, alpha, g, work);
        if (centered) {
            Tensor average = state.slot("grad_avg");
            Moments.update(average, alpha, g);
            backend.unary(UnaryOp.SQUARE, average, work);
            backend.binary(BinaryOp.SUB, v, work, work);
            backend.unary(UnaryOp.SQRT, work, work);
        } else {
            backend.unary(UnaryOp.SQRT, v, work);
        }
        backend.binary(BinaryOp.ADD, work, eps, work);
        backend.binary(BinaryOp.DIV, g, work, work);
        if (momentum > 0) {
            Tensor buffer = state.slot("momentum_buffer");
            backend.binary(BinaryOp.MUL, buffer, momentum, buffer);
            backend.addScaled(buffer, 1, work, buffer);
            work = buffer;
        }
        backend.addScaled(parameter, -rate, work, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
