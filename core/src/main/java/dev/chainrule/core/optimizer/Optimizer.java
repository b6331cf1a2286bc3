package dev.chainrule.core.optimizer;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.tensor.Tensor;

/**
 * Turns a parameter's gradient into an update of the parameter, in place.
 *
 * <p>An optimizer instance is immutable configuration (learning rate, momentum, ...) and may be shared by every
 * parameter of a network. Whatever it remembers between steps (velocities, moment estimates, the step count) lives
 * in one {@link OptimizerState} per parameter, which the trainer creates and keeps, so that state is explicit and
 * can be saved: slots and scalars for memory, {@link OptimizerState#scratch} for work buffers, and one
 * {@link OptimizerState#advance()} per update. An optimizer mutates none of its own fields.
 *
 * <p>The trainer passes the learning rate of each step, which the
 * {@link dev.chainrule.core.schedule.LearningRateSchedule} derives from {@link #learningRate()}; an optimizer uses the
 * rate it is given.
 *
 * <p>An example, plain gradient descent:
 * <pre>{@code
 * public void update(Tensor parameter, Tensor gradient, OptimizerState state, double learningRate) {
 *     state.advance();
 *     parameter.backend().addScaled(parameter, -learningRate, gradient, parameter);
 * }
 * }</pre>
 */
public interface Optimizer extends Plugin {

    /** The configured base learning rate; a schedule may vary the rate given to {@link #update} around it. */
    double learningRate();

    /**
     * Applies one step to {@code parameter}.
     *
     * @param parameter    the parameter; modified in place
     * @param gradient     {@code dE/dparameter}, same shape; not modified
     * @param state        this parameter's state, as left by the previous step; modified
     * @param learningRate the learning rate for this step
     */
    void update(Tensor parameter, Tensor gradient, OptimizerState state, double learningRate);

    @Override
    default Optimizer configure(Arguments arguments) {
        return this;
    }
}
