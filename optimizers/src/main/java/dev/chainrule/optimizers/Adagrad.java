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
 * Adagrad (Duchi, Hazan and Singer 2011, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization"), as PyTorch's {@code torch.optim.Adagrad} defines it:
 * <pre>
 * g = grad + weight_decay * p
 * sum = sum + g^2                       (sum starts at initial_accumulator_value)
 * p = p - lr / (1 + (t - 1) lr_decay) * g / (sqrt(sum) + eps)
 * </pre>
 * Parameters: {@code lr} (0.01), {@code lr_decay} (0), {@code weight_decay} (0), {@code initial_accumulator_value}
 * (0), {@code eps} (1e-10).
 */
@AutoService(Optimizer.class)
public final class Adagrad implements Optimizer {

    /** The registry name. */
    public static final String NAME = "adagrad";

    private final double learningRate;
    private final double learningRateDecay;
    private final double weightDecay;
    private final double initialAccumulator;
    private final double eps;
    private final Spec spec;

    /** Adagrad with the defaults, for discovery. */
    public Adagrad() {
        this(Arguments.defaults(NAME));
    }

    private Adagrad(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 0.01);
        this.learningRateDecay = Hyperparameters.nonNegative(arguments, "lr_decay", 0);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.initialAccumulator = Hyperparameters.nonNegative(arguments, "initial_accumulator_value", 0);
        this.eps = Hyperparameters.epsilon(arguments, 1e-10);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Adagrad configure(Arguments arguments) {
        return new Adagrad(arguments);
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
        Tensor sum = state.slot("sum");
        if (step == 1) {
            backend.fill(initialAccumulator, sum);
        }
        Tensor work = state.scratch("step");
        backend.addScaled(sum, 1, backend.unary(UnaryOp.SQUARE, g, work), sum);
        backend.unary(UnaryOp.SQRT, sum, work);
        backend.binary(BinaryOp.ADD, work, eps, work);
        backend.binary(BinaryOp.DIV, g, work, work);
        backend.addScaled(parameter, -rate / (1 + (step - 1) * learningRateDecay), work, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
