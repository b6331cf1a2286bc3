package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/** Every value 1. */
@AutoService(Initializer.class)
public final class Ones implements Initializer {

    @Override
    public String name() {
        return "ones";
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Draws.constant(shape.size(), 1);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.constant(1));
    }
}
