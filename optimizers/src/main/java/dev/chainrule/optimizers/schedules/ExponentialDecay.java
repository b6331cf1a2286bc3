package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;

/**
 * Exponential decay, as PyTorch's {@code ExponentialLR}: {@code rate(t) = lr * gamma^t}. Parameters: {@code gamma}
 * (0.999; PyTorch has no default).
 */
@AutoService(LearningRateSchedule.class)
public final class ExponentialDecay implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "exponential";

    private final double gamma;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public ExponentialDecay() {
        this(Arguments.defaults(NAME));
    }

    private ExponentialDecay(Arguments arguments) {
        this.gamma = Rules.factor(arguments, "gamma", 0.999);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExponentialDecay configure(Arguments arguments) {
        return new ExponentialDecay(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        return baseRate * Math.pow(gamma, step);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
