package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Arguments;
import java.util.SplittableRandom;

/**
 * Alpha dropout for self-normalising (SELU) networks (Klambauer et al., 2017; PyTorch's {@code AlphaDropout}): in
 * training, a dropped element is set to selu's negative saturation {@code alpha' = -lambda alpha = -1.7580993408473766}
 * instead of 0, and the result is transformed affinely, {@code out = a (x mask + alpha' (1 - mask)) + b} with
 * {@code q = 1 - rate}, {@code a = (q + alpha'^2 q (1 - q))^-1/2} and {@code b = -a alpha' (1 - q)}, so that zero mean
 * and unit variance are kept; in inference, the identity. {@code dE/dx = dE/dout * a * mask}.
 */
@AutoService(Layer.class)
public final class AlphaDropout extends NoiseLayer {

    /** The registry name. */
    public static final String NAME = "alpha_dropout";

    /** {@code -lambda * alpha} of selu. */
    static final double SATURATION = -1.0507009873554805 * 1.6732632423543772;

    private final double rate;

    /** {@code rate = 0.5}. */
    public AlphaDropout() {
        this(Arguments.defaults(NAME));
    }

    private AlphaDropout(Arguments arguments) {
        this(Rates.dropRate(arguments), arguments);
    }

    private AlphaDropout(double rate, Arguments arguments) {
        super(arguments.resolvedSpec(), true, true);
        this.rate = rate;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlphaDropout configure(Arguments arguments) {
        return new AlphaDropout(arguments);
    }

    @Override
    void draw(SplittableRandom random, double[] multiplier, double[] offset) {
        double q = 1 - rate;
        double a = 1 / Math.sqrt(q + SATURATION * SATURATION * q * (1 - q));
        double b = -a * SATURATION * (1 - q);
        for (int i = 0; i < multiplier.length; i++) {
            boolean dropped = random.nextDouble() < rate;
            multiplier[i] = dropped ? 0 : a;
            offset[i] = dropped ? a * SATURATION + b : b;
        }
    }
}
