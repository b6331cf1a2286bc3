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

/** Uniform in {@code [low, high)}, Keras's {@code RandomUniform} defaults {@code low = -0.05, high = 0.05}. */
@AutoService(Initializer.class)
public final class Uniform implements Initializer {

    private final double low;
    private final double high;
    private final Spec spec;

    /** {@code low = -0.05, high = 0.05}. */
    public Uniform() {
        this(Arguments.defaults("uniform"));
    }

    private Uniform(Arguments arguments) {
        this.low = Checks.finite(arguments, "low", -0.05);
        this.high = Checks.finite(arguments, "high", 0.05);
        if (!(high > low)) {
            throw new IllegalArgumentException("uniform: high must be > low, got low=" + low + " and high=" + high);
        }
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public Uniform configure(Arguments arguments) {
        return new Uniform(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Draws.uniform(shape.size(), low, high, random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.uniform(low, high));
    }
}
