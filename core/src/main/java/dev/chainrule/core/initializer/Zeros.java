package dev.chainrule.core.initializer;

import com.google.auto.service.AutoService;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/** Every value 0: the default for biases. It lives in core because the {@code dense} layer's default names it. */
@AutoService(Initializer.class)
public final class Zeros implements Initializer {

    /** The registry name. */
    public static final String NAME = "zeros";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return new double[shape.size()];
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.constant(0));
    }
}
