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
 * Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization"), with the AMSGrad variant (Reddi et al.
 * 2018, "On the Convergence of Adam and Beyond"), as PyTorch's {@code torch.optim.Adam} defines them:
 * <pre>
 * g = grad + weight_decay * p
 * m = beta1 m + (1 - beta1) g        v = beta2 v + (1 - beta2) g^2
 * amsgrad: v_max = max(v_max, v), and v_max replaces v below
 * p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * Parameters: {@code lr} (0.001), {@code beta1} (0.9), {@code beta2} (0.999), {@code eps} (1e-8),
 * {@code weight_decay} (0, coupled: an L2 term in the gradient), {@code amsgrad} (false).
 */
@AutoService(Optimizer.class)
public final class Adam implements Optimizer {

    /** The registry name. */
    public static final String NAME = "adam";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final Spec spec;

    /** Adam with the defaults, for discovery. */
    public Adam() {
        this(Arguments.defaults(NAME));
    }

    private Adam(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.001);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.999);
        this.eps = Hyperparameters.epsilon(arguments, 1e-8);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.amsgrad = arguments.flag("amsgrad", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Adam configure(Arguments arguments) {
        return new Adam(arguments);
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
        long step = state.advance();
        Tensor g = WeightDecay.coupled(parameter, gradient, weightDecay, state);
        step(parameter, g, state, step, rate, beta1, beta2, eps, amsgrad);
    }

    /**
     * The Adam step proper, after any weight decay: updates the moments in {@code state} and {@code parameter} in
     * place. Shared with {@link AdamW}, which differs only in how it decays the weights.
     */
    static void step(Tensor parameter, Tensor g, OptimizerState state, long step, double rate, double beta1,
            double beta2, double eps, boolean amsgrad) {
        TensorBackend backend = parameter.backend();
        Tensor m = state.slot("exp_avg");
        Tensor v = state.slot("exp_avg_sq");
        Tensor work = state.scratch("step");
        double correction1 = 1 - Math.pow(beta1, step);
        double root2 = Math.sqrt(1 - Math.pow(beta2, step));
        if (!amsgrad) {
            // m / (sqrt(v) / root2 + eps) = root2 * m / (sqrt(v) + eps * root2); one pass where the backend fuses it.
            backend.adamStep(parameter, g, m, v, beta1, beta2, rate * root2 / correction1, eps * root2, work);
            return;
        }
        Moments.update(m, beta1, g);
        Moments.updateSquares(v, beta2, g, work);
        Tensor second = state.slot("max_exp_avg_sq");
        backend.binary(BinaryOp.MAX, second, v, second);
        backend.unary(UnaryOp.SQRT, second, work);
        backend.binary(BinaryOp.ADD, work, eps * root2, work);
        backend.binary(BinaryOp.DIV, m, work, work);
        backend.addScaled(parameter, -rate * root2 / correction1, work, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
