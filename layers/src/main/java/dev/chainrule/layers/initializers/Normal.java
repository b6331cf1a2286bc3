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

/** Normal with the given mean and standard deviation, Keras's {@code RandomNormal} defaults {@code 0, 0.05}. */
@AutoService(Initializer.class)
public final class Normal implements Initializer {

    private final double mean;
    private final double std;
    private final Spec spec;

    /** {@code mean = 0, std = 0.05}. */
    public Normal() {
        this(Arguments.defaults("normal"));
    }

    private Normal(Arguments arguments) {
        this.mean = Checks.finite(arguments, "mean", 0.0);
        this.std = Checks.positive(arguments, "std", 0.05);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "normal";
    }

    @Override
    public Normal configure(Arguments arguments) {
        return new Normal(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Draws.normal(shape.size(), mean, std, random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.normal(mean, std));
    }
}
