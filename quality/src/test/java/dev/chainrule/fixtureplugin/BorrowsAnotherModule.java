package dev.chainrule.fixtureplugin;

import dev.chainrule.activations.ReLU;

/** Wrong: an implementation module that uses another implementation module's class. */
public final class BorrowsAnotherModule {

    public String borrowed() {
        return new ReLU().name();
    }
}
