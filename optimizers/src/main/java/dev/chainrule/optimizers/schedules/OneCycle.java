package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;
import java.util.List;

/**
 * The one-cycle policy (Smith and Topin 2019, "Super-Convergence"), as PyTorch's {@code OneCycleLR} defines its
 * learning rate, with the optimizer's {@code lr} as the peak ({@code max_lr}): from {@code lr / div_factor} the rate
 * rises to {@code lr} at step {@code pct_start * total_steps - 1}, then falls to
 * {@code lr / (div_factor * final_div_factor)} at step {@code total_steps - 1}, and stays there. Each phase anneals
 * by {@code anneal_strategy}: {@code cos}, {@code end + (start - end) * (1 + cos(pi * x)) / 2}, or {@code linear},
 * {@code start + (end - start) * x}, where {@code x} is the fraction of the phase done. (PyTorch's momentum cycling
 * is not part of a schedule.) Parameters: {@code total_steps} (1000), {@code pct_start} (0.3), {@code div_factor}
 * (25), {@code final_div_factor} (10000), {@code anneal_strategy} (cos).
 */
@AutoService(LearningRateSchedule.class)
public final class OneCycle implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "one_cycle";

    private final int totalSteps;
    private final double peakStep;
    private final double divFactor;
    private final double finalDivFactor;
    private final boolean cosine;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public OneCycle() {
        this(Arguments.defaults(NAME));
    }

    private OneCycle(Arguments arguments) {
        this.totalSteps = arguments.integer("total_steps", 1000, 2);
        double pctStart = arguments.number("pct_start", 0.3, value -> value > 0 && value < 1, "must lie in (0, 1)");
        this.divFactor = Rules.factor(arguments, "div_factor", 25);
        this.finalDivFactor = Rules.factor(arguments, "final_div_factor", 1e4);
        this.cosine = arguments.choice("anneal_strategy", "cos", List.of("cos", "linear")).equals("cos");
        this.peakStep = pctStart * totalSteps - 1;
        if (!(peakStep > 0 && peakStep < totalSteps - 1)) {
            throw new IllegalArgumentException(NAME + ": the peak step pct_start * total_steps - 1 must lie between 0 "
                    + "and total_steps - 1, got " + peakStep + " for pct_start " + pctStart + " and total_steps "
                    + totalSteps);
        }
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OneCycle configure(Arguments arguments) {
        return new OneCycle(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        double initial = baseRate / divFactor;
        if (step <= peakStep) {
            return anneal(initial, baseRate, step / peakStep);
        }
        double fraction = Math.min(1, (step - peakStep) / (totalSteps - 1 - peakStep));
        return anneal(baseRate, initial / finalDivFactor, fraction);
    }

    private double anneal(double start, double end, double fraction) {
        return cosine ? end + (start - end) * (1 + Math.cos(Math.PI * fraction)) / 2 : start + (end - start) * fraction;
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
