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
 * Adadelta (Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method"), as PyTorch's {@code torch.optim.Adadelta}
 * defines it:
 * <pre>
 * g = grad + weight_decay * p
 * v = rho v + (1 - rho) g^2
 * d = sqrt(u + eps) / sqrt(v + eps) * g
 * u = rho u + (1 - rho) d^2
 * p = p - lr d
 * </pre>
 * Parameters: {@code lr} (1.0), {@code rho} (0.9), {@code eps} (1e-6), {@code weight_decay} (0).
 */
@AutoService(Optimizer.class)
public final class Adadelta implements Optimizer {

    /** The registry name. */
    public static final String NAME = "adadelta";

    private final double learningRate;
    private final double rho;
    private final double eps;
    private final double weightDecay;
    private final Spec spec;

    /** Adadelta with the defaults, for discovery. */
    public Adadelta() {
        this(Arguments.defaults(NAME));
    }

    private Adadelta(Arguments arguments) {
        this.learningRate = Hyperparameters.learningRate(arguments, 1.0);
        this.rho = Hyperparameters.decayRate(arguments, "rho", 0.9);
        this.eps = Hyperparameters.epsilon(arguments, 1e-6);
        this.weightDecay = Hyperparameters.weightDecay(arguments, 0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Adadelta configure(Arguments arguments) {
        return new Adadelta(arguments);
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
        Tensor u = state.slot("acc_delta");
        Tensor delta = state.scratch("delta");
        Tensor work = state.scratch("step");
        Moments.updateSquares(v, rho, g, work);
        backend.binary(BinaryOp.ADD, u, eps, delta);
        backend.unary(UnaryOp.SQRT, delta, delta);
        backend.binary(BinaryOp.ADD, v, eps, work);
        backend.unary(UnaryOp.SQRT, work, work);
        backend.binary(BinaryOp.DIV, delta, work, delta);
        backend.binary(BinaryOp.MUL, delta, g, delta);
        Moments.updateSquares(u, rho, delta, work);
        backend.addScaled(parameter, -rate, delta, parameter);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
