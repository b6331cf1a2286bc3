package dev.chainrule.core.initializer;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * He et al. (2015), PyTorch's {@code kaiming_normal_}: normal with mean 0 and standard deviation
 * {@code sqrt(2 / (1 + negative_slope^2)) / sqrt(fan)} ({@link HeScaling}). The recommendation of the ReLU family,
 * so it lives in core.
 */
@AutoService(Initializer.class)
public final class HeNormal implements Initializer {

    /** The registry name. */
    public static final String NAME = "he_normal";

    private final HeScaling scaling;
    private final Spec spec;

    /** Fan-in, slope 0. */
    public HeNormal() {
        this(Arguments.defaults(NAME));
    }

    private HeNormal(Arguments arguments) {
        this.scaling = HeScaling.read(arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HeNormal configure(Arguments arguments) {
        return new HeNormal(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Gaussian.normals(shape.size(), 0, scaling.standardDeviation(fans), random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.normal(0, scaling.standardDeviation(fans)));
    }
}
