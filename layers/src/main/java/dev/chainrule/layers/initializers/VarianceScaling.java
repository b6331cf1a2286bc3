package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.FanMode;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Keras's {@code VarianceScaling}: values with variance {@code scale / n}, {@code n} the fan that {@code mode} picks
 * ({@code fan_in}, {@code fan_out} or {@code fan_avg}), drawn from {@code distribution}: {@code truncated_normal}
 * (standard deviation {@code sqrt(scale / n) / 0.87962566103423978}, truncated at two of those, so that the variance
 * is {@code scale / n}), {@code untruncated_normal}, or {@code uniform} in {@code ±sqrt(3 scale / n)}. Glorot, He and
 * LeCun are special cases. {@code variance_scaling(scale=2, mode=fan_in, distribution=uniform)}.
 */
@AutoService(Initializer.class)
public final class VarianceScaling implements Initializer {

    /** The standard deviation of a standard normal truncated at ±2. */
    private static final double TRUNCATED_STD = 0.87962566103423978;

    private final double scale;
    private final FanMode mode;
    private final String distribution;
    private final Spec spec;

    /** {@code scale = 1, mode = fan_in, distribution = truncated_normal}. */
    public VarianceScaling() {
        this(Arguments.defaults("variance_scaling"));
    }

    private VarianceScaling(Arguments arguments) {
        this.scale = Checks.positive(arguments, "scale", 1.0);
        this.mode = FanMode.read(arguments, "mode", FanMode.FAN_IN, FanMode.values());
        this.distribution = arguments.choice("distribution", "truncated_normal",
                List.of("truncated_normal", "untruncated_normal", "uniform"));
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "variance_scaling";
    }

    @Override
    public VarianceScaling configure(Arguments arguments) {
        return new VarianceScaling(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        double std = Math.sqrt(scale / fans.of(mode));
        return switch (distribution) {
            case "truncated_normal" -> Draws.truncatedNormal(shape.size(), 0, std / TRUNCATED_STD, 2, random);
            case "untruncated_normal" -> Draws.normal(shape.size(), 0, std, random);
            default -> Draws.uniform(shape.size(), -Math.sqrt(3) * std, Math.sqrt(3) * std, random);
        };
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        double std = Math.sqrt(scale / fans.of(mode));
        return Optional.of(switch (distribution) {
            case "truncated_normal" -> Distribution.truncatedNormal(0, std / TRUNCATED_STD, 2);
            case "untruncated_normal" -> Distribution.normal(0, std);
            default -> Distribution.uniform(-Math.sqrt(3) * std, Math.sqrt(3) * std);
        });
    }
}
