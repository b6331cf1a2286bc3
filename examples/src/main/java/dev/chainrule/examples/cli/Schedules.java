package dev.chainrule.examples.cli;

import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.training.TrainingConfig;

/**
 * The {@code --schedule} option: how the learning rate changes over training. Schedules are to become their own
 * plugin kind; this build has none, so it accepts only {@code constant}, the optimizer's own learning rate throughout,
 * and names any other spec as unavailable. When a schedule registry arrives, this class is where the spec is created
 * from it and handed to the training configuration.
 */
final class Schedules {

    /** The schedule that keeps the optimizer's learning rate. */
    static final String CONSTANT = "constant";

    private Schedules() {
    }

    /** Applies the schedule that {@code spec} names to {@code config}; {@code null} means constant. */
    static void apply(String spec, TrainingConfig.Builder config) {
        if (spec == null) {
            return;
        }
        Spec parsed = UsageException.check(() -> Spec.parse(spec));
        if (parsed.name().equals(CONSTANT) && parsed.arguments().isEmpty()) {
            return;
        }
        throw new UsageException("the learning-rate schedule '" + spec + "' is not available: this build has no "
                + "schedule plugins; use --schedule constant (the optimizer's own learning rate) or leave it out");
    }
}
