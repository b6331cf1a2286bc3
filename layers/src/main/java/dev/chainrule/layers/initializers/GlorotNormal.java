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

/**
 * Glorot and Bengio (2010), PyTorch's {@code xavier_normal_}: normal with mean 0 and standard deviation
 * {@code gain * sqrt(2 / (fan_in + fan_out))}. (Keras truncates at two standard deviations; PyTorch does not, and
 * neither does this.)
 */
@AutoService(Initializer.class)
public final class GlorotNormal implements Initializer {

    private final double gain;
    private final Spec spec;

    /** {@code gain = 1}. */
    public GlorotNormal() {
        this(Arguments.defaults("glorot_normal"));
    }

    private GlorotNormal(Arguments arguments) {
        this.gain = Checks.positive(arguments, "gain", 1.0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "glorot_normal";
    }

    @Override
    public GlorotNormal configure(Arguments arguments) {
        return new GlorotNormal(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Draws.normal(shape.size(), 0, std(fans), random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.normal(0, std(fans)));
    }

    private double std(Fans fans) {
        return gain * Math.sqrt(2.0 / (fans.in() + fans.out()));
    }
}
