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
 * Adamax, Adam's infinity-norm variant (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", section 7),
 * as PyTorch's {@code torch.optim.Adamax} defines it:
 * <pre>
 * g = grad + weight_decay * p
 * m = beta1 m + (1 - beta1) g
 * u = max(beta2 u, |g| + eps)
 * p = p - lr / (1 - beta1^t) * m / u
 * </pre>
 * Parameters: {@code lr} (0.002), {@code beta1} (0.9), {@code beta2} (0.999), {@code eps} (1e-8),
 * {@code weight_decay} (0).
 */
@AutoService(Optimizer.class)
public final class Adamax implements Optimizer {

    /** The registry name. */
    public static final String NAME = "adamax";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Spec spec;

    /** Adamax with the defaults, for discovery. */
    public Adamax() {
        this(Arguments.defaults(NAME));
    }

    private Adamax(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.002);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.999);
        this.eps = Hyperparameters.epsilon(arguments, 1e-8);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Adamax configure(Arguments arguments) {
        return new Adamax(arguments);
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
        Tensor m = state.slot("exp_avg");
        Tensor u = state.slot("exp_inf");
        Tensor work = state.scratch("step");
        Moments.update(m, beta1, g);
        backend.unary(UnaryOp.ABS, g, work);
        backend.binary(BinaryOp.ADD, work, eps, work);
        backend.binary(BinaryOp.MUL, u, beta2, u);
        backend.binary(BinaryOp.MAX, u, work, u);
        backend.binary(BinaryOp.DIV, m, u, work);
        backend.addScaled(parameter, -rate / (1 - Math.pow(beta1, step)), work, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
