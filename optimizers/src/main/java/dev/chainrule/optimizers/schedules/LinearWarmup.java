package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;

/**
 * Linear warm-up followed by any other schedule (Goyal et al. 2017, "Accurate, Large Minibatch SGD"): the rate climbs
 * in a straight line from {@code start_factor * lr} at step 0 towards {@code lr}, and from step {@code steps} on the
 * schedule {@code then} takes over, counting its own steps from 0:
 * <pre>
 * rate(t) = lr * (start_factor + (1 - start_factor) * t / steps)    for t &lt; steps
 * rate(t) = then.rate(t - steps)                                   for t &gt;= steps
 * </pre>
 * {@code then} is a nested spec: {@code warmup(steps=100, then=cosine(t_max=1000))}. Parameters: {@code steps} (100),
 * {@code start_factor} (0.1), {@code then} (constant).
 */
@AutoService(LearningRateSchedule.class)
public final class LinearWarmup implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "warmup";

    private final int steps;
    private final double startFactor;
    private final LearningRateSchedule then;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public LinearWarmup() {
        this(Arguments.defaults(NAME));
    }

    private LinearWarmup(Arguments arguments) {
        this.steps = arguments.integer("steps", 100, 1);
        this.startFactor = arguments.number("start_factor", 0.1, value -> value >= 0 && value <= 1,
                "must lie in [0, 1]");
        this.then = arguments.plugin("then", LearningRateSchedule.class, LearningRateSchedule.constant());
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LinearWarmup configure(Arguments arguments) {
        return new LinearWarmup(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        if (step < steps) {
            return baseRate * (startFactor + (1 - startFactor) * step / steps);
        }
        return then.rate(step - steps, baseRate);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
