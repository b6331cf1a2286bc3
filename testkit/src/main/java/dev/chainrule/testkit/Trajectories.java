package dev.chainrule.testkit;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * A parameter of six elements driven by a fixed sequence of {@value #STEPS} gradients: the run that the optimizer
 * contract compares across backends, threads and a save and restore, and that a reference implementation can be held
 * to.
 *
 * <pre>{@code
 * double[][] trajectory = Trajectories.run(new Adam(), Backends.reference(), DType.FLOAT64);
 * double afterStep3Element0 = trajectory[2][0];
 * }</pre>
 */
public final class Trajectories {

    /** The number of steps. */
    public static final int STEPS = 25;
    /** The parameter's shape: six elements. */
    public static final Shape SHAPE = new Shape(2, 3);

    private static final double[] START = {0.5, 0.2, -0.1, -0.4, -0.7, 1.0};
    private static final double[][] GRADIENTS = gradients();

    private Trajectories() {
    }

    /** The starting parameter, row-major: positive, negative and one element near zero. */
    public static double[] start() {
        return START.clone();
    }

    /**
     * The gradient of step {@code t} (from 1), row-major: waves of different phase and size per element, so that signs
     * change.
     */
    public static double[] gradient(int t) {
        return GRADIENTS[t - 1].clone();
    }

    /** The gradients of steps 1 to {@value #STEPS}. */
    public static double[][] gradients() {
        double[][] gradients = new double[STEPS][START.length];
        for (int t = 1; t <= STEPS; t++) {
            for (int i = 0; i < START.length; i++) {
                gradients[t - 1][i] = Math.sin(0.7 * t + 1.3 * i) * (0.5 + 0.25 * i) + 0.05 * (i - 2);
            }
        }
        return gradients;
    }

    /** The parameter after every step of {@code optimizer} at its own learning rate, from a fresh state. */
    public static double[][] run(Optimizer optimizer, TensorBackend backend, DType dtype) {
        Tensor parameter = backend.fromArray(dtype, SHAPE, START);
        OptimizerState state = new OptimizerState(parameter);
        double[][] trajectory = new double[STEPS][];
        for (int t = 1; t <= STEPS; t++) {
            step(optimizer, parameter, state, t);
            trajectory[t - 1] = parameter.toDoubleArray();
        }
        return trajectory;
    }

    /** Step {@code t} (from 1) of {@code optimizer} on {@code parameter}, at the optimizer's own learning rate. */
    public static void step(Optimizer optimizer, Tensor parameter, OptimizerState state, int t) {
        Tensor gradient = parameter.backend().fromArray(parameter.dtype(), SHAPE, GRADIENTS[t - 1]);
        optimizer.update(parameter, gradient, state, optimizer.learningRate());
    }
}
