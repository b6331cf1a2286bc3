package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/** Every value {@code value} (default 0): {@code constant(value=0.1)}. */
@AutoService(Initializer.class)
public final class Constant implements Initializer {

    private final double value;
    private final Spec spec;

    /** {@code value = 0}. */
    public Constant() {
        this(Arguments.defaults("constant"));
    }

    private Constant(Arguments arguments) {
        this.value = Checks.finite(arguments, "value", 0.0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public Constant configure(Arguments arguments) {
        return new Constant(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Draws.constant(shape.size(), value);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.constant(value));
    }
}
