package dev.chainrule.core.fixturedown;

import dev.chainrule.activations.ReLU;
import dev.chainrule.core.fixtureup.Up;

/** Wrong twice: reaches back up to the package that uses it, and core using an implementation module. */
public final class Down {

    public Up up() {
        return new Up();
    }

    public ReLU activation() {
        return new ReLU();
    }
}
