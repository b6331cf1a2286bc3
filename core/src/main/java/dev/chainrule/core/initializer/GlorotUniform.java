package dev.chainrule.core.initializer;

import com.google.auto.service.AutoService;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Glorot and Bengio (2010), PyTorch's {@code xavier_uniform_}: uniform in {@code ±gain * sqrt(6 / (fan_in + fan_out))}.
 * The recommendation of tanh, sigmoid, softmax and every activation that names no other, so it lives in core.
 */
@AutoService(Initializer.class)
public final class GlorotUniform implements Initializer {

    /** The registry name. */
    public static final String NAME = "glorot_uniform";

    private final double gain;
    private final Spec spec;

    /** {@code gain = 1}. */
    public GlorotUniform() {
        this(Arguments.defaults(NAME));
    }

    private GlorotUniform(Arguments arguments) {
        this.gain = arguments.number("gain", 1.0, value -> value > 0 && Double.isFinite(value), "must be finite and > 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GlorotUniform configure(Arguments arguments) {
        return new GlorotUniform(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        double limit = limit(fans);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-limit, limit);
        }
        return values;
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.uniform(-limit(fans), limit(fans)));
    }

    private double limit(Fans fans) {
        return gain * Math.sqrt(6.0 / (fans.in() + fans.out()));
    }
}
