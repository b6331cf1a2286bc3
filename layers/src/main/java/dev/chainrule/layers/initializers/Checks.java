package dev.chainrule.layers.initializers;

import dev.chainrule.core.plugin.Arguments;

/** The parameter rules the initializers share. */
final class Checks {

    private Checks() {
    }

    static double positive(Arguments arguments, String name, double defaultValue) {
        return arguments.number(name, defaultValue, value -> value > 0 && Double.isFinite(value),
                "must be finite and > 0");
    }

    static double finite(Arguments arguments, String name, double defaultValue) {
        return arguments.number(name, defaultValue, Double::isFinite, "must be finite");
    }
}
