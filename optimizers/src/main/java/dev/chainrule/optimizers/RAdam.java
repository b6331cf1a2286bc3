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
 * RAdam, Adam with a rectified adaptive rate (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and
 * Beyond"), as PyTorch's {@code torch.optim.RAdam} defines it:
 * <pre>
 * g = grad + weight_decay * p      (decoupled_weight_decay: p = p - lr * weight_decay * p instead)
 * m = beta1 m + (1 - beta1) g        v = beta2 v + (1 - beta2) g^2        m^ = m / (1 - beta1^t)
 * rho_inf = 2 / (1 - beta2) - 1      rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 * rho_t > 5: r = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *            p = p - lr m^ r sqrt(1 - beta2^t) / (sqrt(v) + eps)
 * otherwise: p = p - lr m^
 * </pre>
 * Parameters: {@code lr} (0.001), {@code beta1} (0.9), {@code beta2} (0.999), {@code eps} (1e-8),
 * {@code weight_decay} (0), {@code decoupled_weight_decay} (false).
 */
@AutoService(Optimizer.class)
public final class RAdam implements Optimizer {

    /** The registry name. */
    public static final String NAME = "radam";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupledWeightDecay;
    private final Spec spec;

    /** RAdam with the defaults, for discovery. */
    public RAdam() {
        this(Arguments.defaults(NAME));
    }

    private RAdam(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.001);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.999);
        this.eps = Hyperparameters.epsilon(arguments, 1e-8);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.decoupledWeightDecay = arguments.flag("decoupled_weight_decay", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RAdam configure(Arguments arguments) {
        return new RAdam(arguments);
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
        Tensor v = state.slot("exp_avg_sq");
        Tensor work = state.scratch("step");
        Moments.update(m, beta1, g);
        Moments.updateSquares(v, beta2, g, work);
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        double rhoInfinity = 2 / (1 - beta2) - 1;
        double rho = rhoInfinity - 2 * step * Math.pow(beta2, step) / correction2;
        if (rho > 5) {
            double rectification = Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity
                    / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
            backend.unary(UnaryOp.SQRT, v, work);
            backend.binary(BinaryOp.ADD, work, eps, work);
            backend.binary(BinaryOp.DIV, m, work, work);
            backend.addScaled(parameter, -rate * rectification * Math.sqrt(correction2) / correction1, work, parameter);
        } else {
            backend.addScaled(parameter, -rate / correction1, m, parameter);
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
