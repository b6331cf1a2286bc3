package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;

/**
 * Polynomial decay, as PyTorch's {@code PolynomialLR} with Keras's end rate:
 * {@code rate(t) = (lr - end_lr) * (1 - min(t, total_iters) / total_iters)^power + end_lr}, constant at
 * {@code end_lr} from step {@code total_iters} on. Parameters: {@code total_iters} (1000 steps), {@code power} (1.0),
 * {@code end_lr} (0).
 */
@AutoService(LearningRateSchedule.class)
public final class PolynomialDecay implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "polynomial";

    private final int totalIters;
    private final double power;
    private final double endRate;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public PolynomialDecay() {
        this(Arguments.defaults(NAME));
    }

    private PolynomialDecay(Arguments arguments) {
        this.totalIters = arguments.integer("total_iters", 1000, 1);
        this.power = Rules.factor(arguments, "power", 1.0);
        this.endRate = Rules.nonNegative(arguments, "end_lr", 0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PolynomialDecay configure(Arguments arguments) {
        return new PolynomialDecay(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        double remaining = 1 - (double) Math.min(step, totalIters) / totalIters;
        return (baseRate - endRate) * Math.pow(remaining, power) + endRate;
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
