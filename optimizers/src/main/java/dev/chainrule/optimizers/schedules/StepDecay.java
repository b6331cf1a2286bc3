package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;

/**
 * Step decay, as PyTorch's {@code StepLR}: {@code rate(t) = lr * gamma^floor(t / step_size)}. Parameters:
 * {@code step_size} (1000 steps), {@code gamma} (0.1).
 */
@AutoService(LearningRateSchedule.class)
public final class StepDecay implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "step";

    private final int stepSize;
    private final double gamma;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public StepDecay() {
        this(Arguments.defaults(NAME));
    }

    private StepDecay(Arguments arguments) {
        this.stepSize = arguments.integer("step_size", 1000, 1);
        this.gamma = Rules.factor(arguments, "gamma", 0.1);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepDecay configure(Arguments arguments) {
        return new StepDecay(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        return baseRate * Math.pow(gamma, step / stepSize);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
