package dev.chainrule.fixtureplugin;

import dev.chainrule.core.training.Trainer;

/** Wrong: an implementation module that calls core's training machinery. */
public final class DrivesTheTrainer {

    public Trainer trainer() {
        return new Trainer();
    }
}
