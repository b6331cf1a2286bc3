package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;

/**
 * Inverse-time decay, as Keras's {@code InverseTimeDecay}: {@code rate(t) = lr / (1 + decay_rate * t / decay_steps)},
 * with {@code t / decay_steps} rounded down when {@code staircase}. Parameters: {@code decay_rate} (1.0),
 * {@code decay_steps} (1000), {@code staircase} (false).
 */
@AutoService(LearningRateSchedule.class)
public final class InverseTimeDecay implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "inverse_time";

    private final double decayRate;
    private final int decaySteps;
    private final boolean staircase;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public InverseTimeDecay() {
        this(Arguments.defaults(NAME));
    }

    private InverseTimeDecay(Arguments arguments) {
        this.decayRate = Rules.nonNegative(arguments, "decay_rate", 1.0);
        this.decaySteps = arguments.integer("decay_steps", 1000, 1);
        this.staircase = arguments.flag("staircase", false);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InverseTimeDecay configure(Arguments arguments) {
        return new InverseTimeDecay(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        double progress = staircase ? (double) (step / decaySteps) : (double) step / decaySteps;
        return baseRate / (1 + decayRate * progress);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
