package dev.chainrule.spark;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.schedule.LearningRateSchedule;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.core.training.Regularization;
import java.util.List;

/**
 * The update half of a training step, in the order of Chainrule's trainer: the penalties' derivative is added to the
 * mean gradient, the gradients are clipped, and the optimizer moves every parameter at the schedule's rate for the
 * step. On the driver in synchronous mode it applies the combined {@link GradientSum} of a global batch; on an
 * executor in parameter-averaging mode, the gradients its own backpropagation just computed.
 */
final class Updater {

    private final Network network;
    private final Gradients gradients;
    private final Regularization regularization;
    private final GradientClipping clipping;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final List<Parameter> parameters;
    private final List<OptimizerState> states;
    private long steps;

    /** An updater of {@code backpropagation}'s network, reading its gradients. */
    Updater(Backpropagation backpropagation, Regularization regularization, GradientClipping clipping,
            Optimizer optimizer, LearningRateSchedule schedule) {
        this.network = backpropagation.network();
        this.gradients = backpropagation.gradients();
        this.regularization = regularization;
        this.clipping = clipping;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.parameters = network.parameters();
        this.states = parameters.stream().map(parameter -> new OptimizerState(parameter.value())).toList();
    }

    /** Applies the mean gradient of {@code sum}'s rows; returns the batch's loss with the penalties. */
    double apply(GradientSum sum) {
        if (sum.rows() == 0) {
            throw new IllegalStateException("a global batch of no rows: the partitions returned no gradient");
        }
        double[] mean = new double[sum.values().length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = sum.values()[i] / sum.rows();
        }
        int offset = 0;
        for (int p = 0; p < gradients.size(); p++) {
            offset = FlatParameters.copyInto(mean, offset, gradients.get(p));
        }
        return applyComputed(sum.loss() / sum.rows());
    }

    /** Applies the gradients that the backpropagation holds; returns {@code dataLoss} with the penalties. */
    double applyComputed(double dataLoss) {
        double loss = dataLoss + regularization.apply(network, gradients);
        clipping.clip(gradients);
        double rate = schedule.rate(steps, optimizer.learningRate());
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalStateException("the schedule " + schedule.spec() + " gave the learning rate " + rate
                    + " for step " + steps + " of " + optimizer.spec() + "; a rate must be finite and >= 0");
        }
        for (int p = 0; p < parameters.size(); p++) {
            Tensor gradient = gradients.get(p);
            optimizer.update(parameters.get(p).value(), gradient, states.get(p), rate);
        }
        steps++;
        return loss;
    }

    /** The optimizer's state and step count. */
    OptimizerSnapshot snapshot() {
        return OptimizerSnapshot.of(steps, states);
    }

    /** Continues from {@code snapshot}. */
    void restore(OptimizerSnapshot snapshot) {
        snapshot.restoreInto(states);
        steps = snapshot.steps();
    }
}
