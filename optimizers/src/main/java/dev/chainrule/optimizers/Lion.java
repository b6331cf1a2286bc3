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
 * Lion, evolved sign momentum (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Program 1): every
 * element moves by exactly {@code lr} (plus decay), in the direction of the sign of an interpolated momentum:
 * <pre>
 * p = p - lr * weight_decay * p                     (decoupled)
 * p = p - lr * sign(beta1 m + (1 - beta1) g)
 * m = beta2 m + (1 - beta2) g
 * </pre>
 * PyTorch has no Lion; the betas are the paper's, and the rate is ten times below AdamW's, as the paper advises:
 * {@code lr} (0.0001), {@code beta1} (0.9), {@code beta2} (0.99), {@code weight_decay} (0).
 */
@AutoService(Optimizer.class)
public final class Lion implements Optimizer {

    /** The registry name. */
    public static final String NAME = "lion";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final Spec spec;

    /** Lion with the defaults, for discovery. */
    public Lion() {
        this(Arguments.defaults(NAME));
    }

    private Lion(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.0001);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.99);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Lion configure(Arguments arguments) {
        return new Lion(arguments);
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
        WeightDecay.decoupled(parameter, rate, weightDecay);
        Tensor m = state.slot("exp_avg");
        Tensor direction = state.scratch("direction");
        backend.binary(BinaryOp.MUL, m, beta1, direction);
        backend.addScaled(direction, 1 - beta1, gradient, direction);
        backend.unary(UnaryOp.SIGN, direction, direction);
        backend.addScaled(parameter, -rate, direction, parameter);
        Moments.update(m, beta2, gradient);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
