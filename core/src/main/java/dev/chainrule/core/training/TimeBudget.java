package dev.chainrule.core.training;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A listener that asks training to stop once a wall-time budget, counted from its creation, is spent. */
public final class TimeBudget implements TrainingListener {

    private final LongSupplier nanoClock;
    private final long deadline;

    /** A budget of {@code budget} from now, on the JVM's monotonic clock. */
    public TimeBudget(Duration budget) {
        this(budget, System::nanoTime);
    }

    /** A budget of {@code budget} from now on {@code nanoClock} (nanoseconds, monotonic). */
    public TimeBudget(Duration budget, LongSupplier nanoClock) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a time budget must be >= 0, got " + budget);
        }
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + budget.toNanos();
    }

    @Override
    public boolean stopRequested() {
        return nanoClock.getAsLong() - deadline >= 0;
    }
}
