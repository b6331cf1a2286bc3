package dev.chainrule.layers;

import dev.chainrule.core.plugin.Arguments;

/** The {@code rate} parameter of the dropout layers: the probability of dropping an element, in {@code [0, 1)}. */
final class Rates {

    private Rates() {
    }

    static double dropRate(Arguments arguments) {
        return arguments.alias("rate", "p").number("rate", 0.5, value -> value >= 0 && value < 1, "must be in [0, 1)");
    }
}
