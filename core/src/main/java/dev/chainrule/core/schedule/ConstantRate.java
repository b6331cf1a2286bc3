package dev.chainrule.core.schedule;

import com.google.auto.service.AutoService;

/**
 * {@code rate(t) = lr}: the optimizer's own rate at every step. It lives in core because it is the trainer's default;
 * every other schedule is a plugin like any other.
 */
@AutoService(LearningRateSchedule.class)
public final class ConstantRate implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "constant";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double rate(long step, double baseRate) {
        return baseRate;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
