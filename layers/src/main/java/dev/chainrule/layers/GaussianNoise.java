package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Gaussian;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Arguments;
import java.util.SplittableRandom;

/**
 * Additive Gaussian noise, a regulariser (Keras's {@code GaussianNoise}): in training, {@code out = x + stddev N(0, 1)}
 * per element; in inference, the identity. {@code dE/dx = dE/dout}.
 */
@AutoService(Layer.class)
public final class GaussianNoise extends NoiseLayer {

    /** The registry name. */
    public static final String NAME = "gaussian_noise";

    private final double stddev;

    /** {@code stddev = 0.1}. */
    public GaussianNoise() {
        this(Arguments.defaults(NAME));
    }

    private GaussianNoise(Arguments arguments) {
        this(arguments.number("stddev", 0.1, value -> value >= 0 && Double.isFinite(value), "must be finite and >= 0"),
                arguments);
    }

    private GaussianNoise(double stddev, Arguments arguments) {
        super(arguments.resolvedSpec(), false, true);
        this.stddev = stddev;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GaussianNoise configure(Arguments arguments) {
        return new GaussianNoise(arguments);
    }

    @Override
    void draw(SplittableRandom random, double[] multiplier, double[] offset) {
        for (int i = 0; i < offset.length; i++) {
            offset[i] = stddev * Gaussian.next(random);
        }
    }
}
