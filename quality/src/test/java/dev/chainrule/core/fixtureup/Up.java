package dev.chainrule.core.fixtureup;

import dev.chainrule.core.fixturedown.Down;

/** Half of a deliberate package cycle inside core (see {@code ArchitectureRulesTest}). */
public final class Up {

    public Down down() {
        return new Down();
    }
}
