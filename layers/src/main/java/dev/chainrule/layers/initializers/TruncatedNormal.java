package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Normal with the given mean and standard deviation, values beyond {@code bound} standard deviations redrawn: Keras's
 * {@code TruncatedNormal} (defaults {@code mean = 0, std = 0.05, bound = 2}); PyTorch's {@code trunc_normal_} with
 * {@code a, b = mean ± bound std}.
 */
@AutoService(Initializer.class)
public final class TruncatedNormal implements Initializer {

    private final double mean;
    private final double std;
    private final double bound;
    private final Spec spec;

    /** {@code mean = 0, std = 0.05, bound = 2}. */
    public TruncatedNormal() {
        this(Arguments.defaults("truncated_normal"));
    }

    private TruncatedNormal(Arguments arguments) {
        this.mean = Checks.finite(arguments, "mean", 0.0);
        this.std = Checks.positive(arguments, "std", 0.05);
        this.bound = arguments.number("bound", 2.0, value -> value >= 0.5 && Double.isFinite(value),
                "must be finite and >= 0.5 (standard deviations)");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "truncated_normal";
    }

    @Override
    public TruncatedNormal configure(Arguments arguments) {
        return new TruncatedNormal(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        return Draws.truncatedNormal(shape.size(), mean, std, bound, random);
    }

    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        return Optional.of(Distribution.truncatedNormal(mean, std, bound));
    }
}
