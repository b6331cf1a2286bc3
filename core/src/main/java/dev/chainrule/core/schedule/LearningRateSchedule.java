package dev.chainrule.core.schedule;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;

/**
 * Chooses the learning rate of every optimizer step. The trainer asks the schedule for step {@code t}'s rate and
 * passes it to {@link dev.chainrule.core.optimizer.Optimizer#update}; so every schedule works with every optimizer.
 *
 * <p>Steps are optimizer updates (mini-batches), counted across epochs from {@code t = 0} for the first update. The
 * rate is a function of {@code t} and the optimizer's base rate ({@code lr}) alone: a schedule is immutable
 * configuration with no memory, so a run that resumes at step {@code t} gets the same rates as one that never stopped.
 *
 * <p>An example, halving the rate every 100 steps:
 * <pre>{@code
 * public double rate(long step, double baseRate) {
 *     return baseRate * Math.pow(0.5, step / 100);
 * }
 * }</pre>
 * A schedule with parameters reads them in {@link #configure(Arguments)}, as every plugin does, and may take another
 * schedule as a parameter, written as a nested spec: {@code warmup(steps=100, then=cosine(t_max=1000))}.
 */
public interface LearningRateSchedule extends Plugin {

    /**
     * The learning rate of step {@code step}.
     *
     * @param step     the number of updates made before this one: 0 for the first
     * @param baseRate the optimizer's configured rate, {@link dev.chainrule.core.optimizer.Optimizer#learningRate()}
     * @return the rate for this step, finite and {@code >= 0}
     */
    double rate(long step, double baseRate);

    @Override
    default LearningRateSchedule configure(Arguments arguments) {
        return this;
    }

    /** The schedule that keeps the optimizer's own rate at every step: the default. */
    static LearningRateSchedule constant() {
        return new ConstantRate();
    }
}
