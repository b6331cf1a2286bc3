package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;
import java.util.Set;

/**
 * Cosine annealing (Loshchilov and Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts", without
 * restarts), as PyTorch's {@code CosineAnnealingLR} in closed form:
 * {@code rate(t) = eta_min + (lr - eta_min) * (1 + cos(pi * min(t, t_max) / t_max)) / 2}, constant at {@code eta_min}
 * from step {@code t_max} on. Parameters: {@code t_max} (1000 steps), {@code eta_min} (0).
 */
@AutoService(LearningRateSchedule.class)
public final class CosineAnnealing implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "cosine";

    private final int maxSteps;
    private final double minimumRate;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public CosineAnnealing() {
        this(Arguments.defaults(NAME));
    }

    private CosineAnnealing(Arguments arguments) {
        this.maxSteps = arguments.integer("t_max", 1000, 1);
        this.minimumRate = Rules.nonNegative(arguments, "eta_min", 0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("cosine_annealing");
    }

    @Override
    public CosineAnnealing configure(Arguments arguments) {
        return new CosineAnnealing(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        double progress = (double) Math.min(step, maxSteps) / maxSteps;
        return minimumRate + (baseRate - minimumRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
