package dev.chainrule.spark;

import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;

/**
 * A schedule seen from step {@code offset}: an executor's session in parameter-averaging mode starts every round at
 * update 0, while the run as a whole is at update {@code offset}.
 */
record OffsetSchedule(LearningRateSchedule schedule, long offset) implements LearningRateSchedule {

    @Override
    public String name() {
        return schedule.name();
    }

    @Override
    public Spec spec() {
        return schedule.spec();
    }

    @Override
    public double rate(long step, double baseRate) {
        return schedule.rate(offset + step, baseRate);
    }
}
