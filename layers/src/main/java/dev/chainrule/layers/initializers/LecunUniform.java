package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/** LeCun et al. (1998), Keras's {@code LecunUniform}: uniform in {@code ±sqrt(3 / fan_in)}. */
@AutoService(Initializer.class)
public final class LecunUniform implements Initializer {

    @Override
    public String name() {
        return "lecun_uniform";
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        double limit = Math.sqrt(3.0 / fans.in());
        return Draws.uniform(shape.size(), -limit, limit, random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        double limit = Math.sqrt(3.0 / fans.in());
        return Optional.of(Distribution.uniform(-limit, limit));
    }
}
