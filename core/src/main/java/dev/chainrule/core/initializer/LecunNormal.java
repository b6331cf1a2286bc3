package dev.chainrule.core.initializer;

import com.google.auto.service.AutoService;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * LeCun et al. (1998): normal with mean 0 and standard deviation {@code sqrt(1 / fan_in)}, untruncated as the SELU
 * paper (Klambauer et al., 2017) asks. The recommendation of selu, so it lives in core.
 */
@AutoService(Initializer.class)
public final class LecunNormal implements Initializer {

    /** The registry name. */
    public static final String NAME = "lecun_normal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Gaussian.normals(shape.size(), 0, Math.sqrt(1.0 / fans.in()), random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.normal(0, Math.sqrt(1.0 / fans.in())));
    }
}
