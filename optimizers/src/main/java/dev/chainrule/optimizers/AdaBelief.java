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
 * AdaBelief (Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients",
 * Algorithm 2): Adam whose second moment tracks how far the gradient strays from its prediction {@code m}:
 * <pre>
 * g = grad + weight_decay * p      (decoupled_weight_decay: p = p - lr * weight_decay * p instead)
 * m = beta1 m + (1 - beta1) g
 * s = beta2 s + (1 - beta2) (g - m)^2 + eps
 * p = p - lr * (m / (1 - beta1^t)) / (sqrt(s / (1 - beta2^t)) + eps)
 * </pre>
 * PyTorch has no AdaBelief; the defaults are the paper's: {@code lr} (0.001), {@code beta1} (0.9), {@code beta2}
 * (0.999), {@code eps} (1e-16), {@code weight_decay} (0), {@code decoupled_weight_decay} (false).
 */
@AutoService(Optimizer.class)
public final class AdaBelief implements Optimizer {

    /** The registry name. */
    public static final String NAME = "adabelief";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupledWeightDecay;
    private final Spec spec;

    /** AdaBelief with the defaults, for discovery. */
    public AdaBelief() {
        this(Arguments.defaults(NAME));
    }

    private AdaBelief(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.001);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.999);
        this.eps = Hyperparameters.epsilon(arguments, 1e-16);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.decoupledWeightDecay = arguments.flag("decoupled_weight_decay", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AdaBelief configure(Arguments arguments) {
        return new AdaBelief(arguments);
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
        Tensor g = gradient;
        if (decoupledWeightDecay) {
            WeightDecay.decoupled(parameter, rate, weightDecay);
        } else {
            g = WeightDecay.coupled(parameter, gradient, weightDecay, state);
        }
        Tensor m = state.slot("exp_avg");
        Tensor s = state.slot("exp_avg_var");
        Tensor work = state.scratch("step");
        Moments.update(m, beta1, g);
        Moments.updateSquares(s, beta2, backend.binary(BinaryOp.SUB, g, m, work), work);
        backend.binary(BinaryOp.ADD, s, eps, s);
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        backend.binary(BinaryOp.DIV, s, correction2, work);
        backend.unary(UnaryOp.SQRT, work, work);
        backend.binary(BinaryOp.ADD, work, eps, work);
        backend.binary(BinaryOp.DIV, m, work, work);
        backend.addScaled(parameter, -rate / correction1, work, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
