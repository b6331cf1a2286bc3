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
 * NAdam, Adam with Nesterov momentum (Dozat 2016, "Incorporating Nesterov Momentum into Adam"), as PyTorch's
 * {@code torch.optim.NAdam} defines it, with the momentum schedule {@code mu_t}:
 * <pre>
 * g = grad + weight_decay * p      (decoupled_weight_decay: p = p - lr * weight_decay * p instead)
 * mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay))        P_t = mu_1 * ... * mu_t
 * m = beta1 m + (1 - beta1) g        v = beta2 v + (1 - beta2) g^2
 * d = sqrt(v / (1 - beta2^t)) + eps
 * p = p - lr (1 - mu_t) / (1 - P_t) * g / d - lr mu_{t+1} / (1 - P_t mu_{t+1}) * m / d
 * </pre>
 * The running product {@code P_t} is kept as the scalar {@code mu_product} of the optimizer state. Parameters:
 * {@code lr} (0.002), {@code beta1} (0.9), {@code beta2} (0.999), {@code eps} (1e-8), {@code weight_decay} (0),
 * {@code momentum_decay} (0.004), {@code decoupled_weight_decay} (false).
 */
@AutoService(Optimizer.class)
public final class NAdam implements Optimizer {

    /** The registry name. */
    public static final String NAME = "nadam";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double momentumDecay;
    private final boolean decoupledWeightDecay;
    private final Spec spec;

    /** NAdam with the defaults, for discovery. */
    public NAdam() {
        this(Arguments.defaults(NAME));
    }

    private NAdam(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.002);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.999);
        this.eps = Hyperparameters.epsilon(arguments, 1e-8);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.momentumDecay = Hyperparameters.nonNegative(arguments, "momentum_decay", 0.004);
        this.decoupledWeightDecay = arguments.flag("decoupled_weight_decay", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NAdam configure(Arguments arguments) {
        return new NAdam(arguments);
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
        double mu = momentum(step);
        double nextMu = momentum(step + 1);
        double product = state.scalar("mu_product", 1) * mu;
        state.setScalar("mu_product", product);

        Tensor m = state.slot("exp_avg");
        Tensor v = state.slot("exp_avg_sq");
        Tensor denominator = state.scratch("denominator");
        Tensor work = state.scratch("step");
        Moments.update(m, beta1, g);
        Moments.updateSquares(v, beta2, g, work);
        backend.binary(BinaryOp.DIV, v, 1 - Math.pow(beta2, step), denominator);
        backend.unary(UnaryOp.SQRT, denominator, denominator);
        backend.binary(BinaryOp.ADD, denominator, eps, denominator);
        backend.addScaled(parameter, -rate * (1 - mu) / (1 - product),
                backend.binary(BinaryOp.DIV, g, denominator, work), parameter);
        backend.addScaled(parameter, -rate * nextMu / (1 - product * nextMu),
                backend.binary(BinaryOp.DIV, m, denominator, work), parameter);
    }

    private double momentum(long step) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
