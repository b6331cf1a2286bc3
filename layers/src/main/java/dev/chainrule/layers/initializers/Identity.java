package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.SplittableRandom;

/**
 * The identity matrix times {@code gain} (PyTorch's {@code eye_}, Keras's {@code Identity}): 1 where row equals column,
 * 0 elsewhere, also for a rectangular tensor; a dense layer with it passes its first inputs straight through.
 */
@AutoService(Initializer.class)
public final class Identity implements Initializer {

    private final double gain;
    private final Spec spec;

    /** {@code gain = 1}. */
    public Identity() {
        this(Arguments.defaults("identity"));
    }

    private Identity(Arguments arguments) {
        this.gain = Checks.finite(arguments, "gain", 1.0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Identity configure(Arguments arguments) {
        return new Identity(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < Math.min(shape.rows(), shape.columns()); i++) {
            values[i * shape.columns() + i] = gain;
        }
        return values;
    }
}
