package dev.chainrule.optimizers.schedules;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;
import java.util.List;

/**
 * Multi-step decay, as PyTorch's {@code MultiStepLR}: {@code rate(t) = lr * gamma^k}, where {@code k} is the number
 * of milestones {@code <= t}. Milestones are written as a list, {@code multi_step(milestones=[300, 800])}, and must
 * increase. Parameters: {@code milestones} ([1000, 2000]), {@code gamma} (0.1).
 */
@AutoService(LearningRateSchedule.class)
public final class MultiStepDecay implements LearningRateSchedule {

    /** The registry name. */
    public static final String NAME = "multi_step";

    private final List<Integer> milestones;
    private final double gamma;
    private final Spec spec;

    /** The schedule with its defaults, for discovery. */
    public MultiStepDecay() {
        this(Arguments.defaults(NAME));
    }

    private MultiStepDecay(Arguments arguments) {
        this.milestones = arguments.integers("milestones", List.of(1000, 2000), 1);
        this.gamma = Rules.factor(arguments, "gamma", 0.1);
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                throw new IllegalArgumentException(NAME + ": parameter milestones must increase, got " + milestones);
            }
        }
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiStepDecay configure(Arguments arguments) {
        return new MultiStepDecay(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double rate(long step, double baseRate) {
        int passed = 0;
        while (passed < milestones.size() && milestones.get(passed) <= step) {
            passed++;
        }
        return baseRate * Math.pow(gamma, passed);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
