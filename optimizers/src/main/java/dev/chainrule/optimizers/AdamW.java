package dev.chainrule.optimizers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization"), as
 * PyTorch's {@code torch.optim.AdamW} defines it: the weights shrink outside the gradient, then {@link Adam}'s step
 * runs on the plain gradient:
 * <pre>
 * p = p - lr * weight_decay * p
 * p = adam_step(p, grad)       (amsgrad as in Adam)
 * </pre>
 * Parameters: {@code lr} (0.001), {@code beta1} (0.9), {@code beta2} (0.999), {@code eps} (1e-8),
 * {@code weight_decay} (0.01), {@code amsgrad} (false).
 */
@AutoService(Optimizer.class)
public final class AdamW implements Optimizer {

    /** The registry name. */
    public static final String NAME = "adamw";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final Spec spec;

    /** AdamW with the defaults, for discovery. */
    public AdamW() {
        this(Arguments.defaults(NAME));
    }

    private AdamW(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.001);
        this.beta1 = Hyperparameters.decayRate(arguments, "beta1", 0.9);
        this.beta2 = Hyperparameters.decayRate(arguments, "beta2", 0.999);
        this.eps = Hyperparameters.epsilon(arguments, 1e-8);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0.01);
        this.amsgrad = arguments.flag("amsgrad", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AdamW configure(Arguments arguments) {
        return new AdamW(arguments);
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
        WeightDecay.decoupled(parameter, rate, weightDecay);
        Adam.step(parameter, gradient, state, step, rate, beta1, beta2, eps, amsgrad);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
