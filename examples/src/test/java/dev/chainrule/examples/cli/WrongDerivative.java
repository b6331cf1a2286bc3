package dev.chainrule.examples.cli;

import dev.chainrule.core.activation.ScalarActivation;

/** {@code sin z} with the derivative wrongly given as {@code 1}: a third-party plugin that gradcheck must catch. */
public final class WrongDerivative extends ScalarActivation {

    @Override
    public String name() {
        return "test_wrong_derivative";
    }

    @Override
    protected double phi(double x) {
        return Math.sin(x);
    }

    @Override
    protected double derivative(double x, double phiX) {
        return 1;
    }
}
