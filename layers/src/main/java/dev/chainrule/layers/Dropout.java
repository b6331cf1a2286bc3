package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Arguments;
import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al., 2014; PyTorch's {@code Dropout}): in training, each element is kept with
 * probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}, else set to 0; in inference, the identity.
 * {@code dE/dx = dE/dout * mask / (1 - rate)}. Spec {@code dropout(rate=0.5)}, also {@code dropout(0.2)}.
 */
@AutoService(Layer.class)
public final class Dropout extends NoiseLayer {

    /** The registry name. */
    public static final String NAME = "dropout";

    private final double rate;

    /** {@code rate = 0.5}. */
    public Dropout() {
        this(Arguments.defaults(NAME));
    }

    private Dropout(Arguments arguments) {
        this(Rates.dropRate(arguments), arguments);
    }

    private Dropout(double rate, Arguments arguments) {
        super(arguments.resolvedSpec(), true, false);
        this.rate = rate;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Dropout configure(Arguments arguments) {
        return new Dropout(arguments);
    }

    @Override
    void draw(SplittableRandom random, double[] multiplier, double[] offset) {
        double kept = 1 / (1 - rate);
        for (int i = 0; i < multiplier.length; i++) {
            multiplier[i] = random.nextDouble() < rate ? 0 : kept;
        }
    }
}
