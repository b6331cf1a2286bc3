package dev.chainrule.optimizers;

import dev.chainrule.core.plugin.Arguments;

/**
 * Reads the hyperparameters that many optimizers share, each with its rule. The defaults are not here: each optimizer
 * passes its own, and that call is the one place where its default lives.
 */
final class Hyperparameters {

    private Hyperparameters() {
    }

    /** {@code lr}, the base learning rate: {@code > 0}. */
    static double learningRate(Arguments arguments, double defaultValue) {
        return arguments.number("lr", defaultValue, value -> value > 0 && value < Double.POSITIVE_INFINITY,
                "must be > 0 and finite");
    }

    /** A decay rate such as {@code beta1}: in {@code [0, 1)}. */
    static double decayRate(Arguments arguments, String name, double defaultValue) {
        return arguments.number(name, defaultValue, value -> value >= 0 && value < 1, "must lie in [0, 1)");
    }

    /** {@code eps}, the term that keeps a denominator away from 0: {@code >= 0}. */
    static double epsilon(Arguments arguments, double defaultValue) {
        return nonNegative(arguments, "eps", defaultValue);
    }

    /** {@code weight_decay}: {@code >= 0}. */
    static double weightDecay(Arguments arguments, double defaultValue) {
        return nonNegative(arguments, "weight_decay", defaultValue);
    }

    /** A finite number {@code >= 0}. */
    static double nonNegative(Arguments arguments, String name, double defaultValue) {
        return arguments.number(name, defaultValue, value -> value >= 0 && value < Double.POSITIVE_INFINITY,
                "must be >= 0 and finite");
    }
}
