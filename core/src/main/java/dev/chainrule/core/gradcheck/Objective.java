package dev.chainrule.core.gradcheck;

import java.util.function.DoubleSupplier;

/** A scalar function of the probed tensor, with the magnitude that its rounding error scales with. */
@FunctionalInterface
interface Objective {

    /**
     * One evaluation.
     *
     * @param value the function's value
     * @param scale the magnitude of the terms summed into it, for the rounding-noise estimate
     */
    record Value(double value, double scale) {
    }

    Value evaluate();

    /** An objective whose rounding scales with its own value. */
    static Objective of(DoubleSupplier function) {
        return () -> {
            double value = function.getAsDouble();
            return new Value(value, Math.abs(value));
        };
    }
}
