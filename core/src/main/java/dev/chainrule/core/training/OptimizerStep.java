package dev.chainrule.core.training;

import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.schedule.LearningRateSchedule;
import java.util.List;

/**
 * The optimizer's part of a training run: one {@link OptimizerState} per parameter, and the number of steps taken, from
 * which the schedule gives each step's learning rate.
 */
final class OptimizerStep {

    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final List<Parameter> parameters;
    private final List<OptimizerState> states;
    private long steps;

    OptimizerStep(List<Parameter> parameters, Optimizer optimizer, LearningRateSchedule schedule) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.parameters = parameters;
        this.states = parameters.stream().map(parameter -> new OptimizerState(parameter.value())).toList();
    }

    /**
     * Updates every parameter in place from its gradient, at the schedule's rate for this step; returns the rate.
     *
     * @param gradients one per parameter, in order; not modified
     */
    double apply(Gradients gradients) {
        double rate = schedule.rate(steps, optimizer.learningRate());
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalStateException("the schedule " + schedule.spec() + " gave the learning rate " + rate
                    + " for step " + steps + " of " + optimizer.spec() + "; a rate must be finite and >= 0");
        }
        for (int p = 0; p < parameters.size(); p++) {
            optimizer.update(parameters.get(p).value(), gradients.get(p), states.get(p), rate);
        }
        steps++;
        return rate;
    }

    /** The number of updates made: the schedule's position. */
    long steps() {
        return steps;
    }

    /** Sets the number of updates made (restoring a checkpoint). */
    void restoreSteps(long value) {
        steps = value;
    }

    /** One state per parameter, in parameter order. */
    List<OptimizerState> states() {
        return states;
    }

    Optimizer optimizer() {
        return optimizer;
    }
}
