package dev.chainrule.optimizers.schedules;

import dev.chainrule.core.plugin.Arguments;

/** The rules that schedule parameters share; each schedule passes its own default. */
final class Rules {

    private Rules() {
    }

    /** A finite number {@code > 0}, such as a decay factor. */
    static double factor(Arguments arguments, String name, double defaultValue) {
        return arguments.number(name, defaultValue, value -> value > 0 && value < Double.POSITIVE_INFINITY,
                "must be > 0 and finite");
    }

    /** A finite number {@code >= 0}, such as a final rate. */
    static double nonNegative(Arguments arguments, String name, double defaultValue) {
        return arguments.number(name, defaultValue, value -> value >= 0 && value < Double.POSITIVE_INFINITY,
                "must be >= 0 and finite");
    }
}
