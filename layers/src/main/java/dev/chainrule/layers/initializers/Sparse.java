package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Gaussian;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Sparse initialisation (Martens, 2010; PyTorch's {@code sparse_}): normal numbers with mean 0 and standard deviation
 * {@code std}, except that in every column (the weights into one unit) {@code ceil(fraction * rows)} entries, chosen at
 * random, are 0. ({@code sparse_} applies this per column of PyTorch's {@code out x in} layout, that is per input; here
 * it is per unit, as Martens describes it.) {@code sparse(fraction=0.9, std=0.01)}.
 */
@AutoService(Initializer.class)
public final class Sparse implements Initializer {

    private final double fraction;
    private final double std;
    private final Spec spec;

    /** {@code fraction = 0.1, std = 0.01}. */
    public Sparse() {
        this(Arguments.defaults("sparse"));
    }

    private Sparse(Arguments arguments) {
        this.fraction = arguments.alias("fraction", "sparsity").number("fraction", 0.1,
                value -> value >= 0 && value <= 1, "must be in [0, 1]");
        this.std = Checks.positive(arguments, "std", 0.01);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "sparse";
    }

    @Override
    public Sparse configure(Arguments arguments) {
        return new Sparse(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        int rows = shape.rows();
        int columns = shape.columns();
        double[] values = Draws.normal(shape.size(), 0, std, random);
        int zeros = zerosPerColumn(rows);
        int[] order = new int[rows];
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            for (int i = 0; i < zeros; i++) {
                int pick = i + random.nextInt(rows - i);
                int chosen = order[pick];
                order[pick] = order[i];
                order[i] = chosen;
                values[chosen * columns + j] = 0;
            }
        }
        return values;
    }

    /** A share {@code ceil(fraction * rows) / rows} of exact zeros, the rest normal. */
    @Override
    public Optional<Distribution> distribution(Shape shape, Fans fans) {
        double zeroShare = (double) zerosPerColumn(shape.rows()) / shape.rows();
        Distribution normal = Distribution.normal(0, std);
        return Optional.of(new Distribution() {
            public double cdf(double x) {
                return (1 - zeroShare) * normal.cdf(x) + (x >= 0 ? zeroShare : 0);
            }

            public double mean() {
                return 0;
            }

            public double variance() {
                return (1 - zeroShare) * std * std;
            }
        });
    }

    private int zerosPerColumn(int rows) {
        return (int) Math.ceil(fraction * rows);
    }
}
