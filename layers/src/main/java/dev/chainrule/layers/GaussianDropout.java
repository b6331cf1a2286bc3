package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Gaussian;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Arguments;
import java.util.SplittableRandom;

/**
 * Multiplicative Gaussian noise (Srivastava et al., 2014; Keras's {@code GaussianDropout}): in training, each element
 * is multiplied by {@code 1 + sqrt(rate / (1 - rate)) N(0, 1)}, noise with mean 1 and the variance of inverted dropout
 * at the same rate; in inference, the identity. {@code dE/dx = dE/dout * noise}.
 */
@AutoService(Layer.class)
public final class GaussianDropout extends NoiseLayer {

    /** The registry name. */
    public static final String NAME = "gaussian_dropout";

    private final double rate;

    /** {@code rate = 0.5}. */
    public GaussianDropout() {
        this(Arguments.defaults(NAME));
    }

    private GaussianDropout(Arguments arguments) {
        this(Rates.dropRate(arguments), arguments);
    }

    private GaussianDropout(double rate, Arguments arguments) {
        super(arguments.resolvedSpec(), true, false);
        this.rate = rate;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GaussianDropout configure(Arguments arguments) {
        return new GaussianDropout(arguments);
    }

    @Override
    void draw(SplittableRandom random, double[] multiplier, double[] offset) {
        double std = Math.sqrt(rate / (1 - rate));
        for (int i = 0; i < multiplier.length; i++) {
            multiplier[i] = 1 + std * Gaussian.next(random);
        }
    }
}
