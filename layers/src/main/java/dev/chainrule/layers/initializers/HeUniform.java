package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.HeScaling;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * He et al. (2015), PyTorch's {@code kaiming_uniform_}: uniform in {@code ±sqrt(3) * std} with
 * {@code std = sqrt(2 / (1 + negative_slope^2)) / sqrt(fan)}; {@code mode} ({@code fan_in} or {@code fan_out}) picks the
 * fan. {@code he_uniform(mode=fan_out, negative_slope=0.2)}.
 */
@AutoService(Initializer.class)
public final class HeUniform implements Initializer {

    private final HeScaling scaling;
    private final Spec spec;

    /** Fan-in, slope 0. */
    public HeUniform() {
        this(Arguments.defaults("he_uniform"));
    }

    private HeUniform(Arguments arguments) {
        this.scaling = HeScaling.read(arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "he_uniform";
    }

    @Override
    public HeUniform configure(Arguments arguments) {
        return new HeUniform(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        double limit = limit(fans);
        return Draws.uniform(shape.size(), -limit, limit, random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.uniform(-limit(fans), limit(fans)));
    }

    private double limit(Fans fans) {
        return Math.sqrt(3) * scaling.standardDeviation(fans);
    }
}
