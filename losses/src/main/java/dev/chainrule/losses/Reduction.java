package dev.chainrule.losses;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a loss's terms over a {@code batch x outputs} output become one number, chosen by the {@code reduction}
 * parameter. For {@code m} rows and {@code k} outputs, with {@code e_i} the sum of example {@code i}'s terms:
 * <ul>
 *   <li>{@code batch_mean} (the default): {@code E = 1/m sum_i e_i}, the mean over the batch of each example's loss
 *       (PyTorch's {@code batchmean});</li>
 *   <li>{@code mean}: {@code E = 1/(m k) sum_i e_i}, the mean over all elements for element-wise losses (PyTorch's and
 *       Keras's {@code mean}, so {@code mse(reduction=mean)} is their mean squared error);</li>
 *   <li>{@code sum}: {@code E = sum_i e_i}.</li>
 * </ul>
 * The gradient carries the same factor.
 */
enum Reduction {
    BATCH_MEAN,
    MEAN,
    SUM;

    /** The parameter's name. */
    static final String PARAMETER = "reduction";

    /** The reduction that {@code arguments} choose; the default, {@code batch_mean}, lives here and nowhere else. */
    static Reduction read(Arguments arguments) {
        List<String> labels = Arrays.stream(values()).map(Reduction::label).toList();
        return valueOf(arguments.choice(PARAMETER, BATCH_MEAN.label(), labels).toUpperCase(Locale.ROOT));
    }

    /** The name in specs: {@code batch_mean}, {@code mean} or {@code sum}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The factor on the sum of all terms, for outputs of this shape. */
    double factor(Shape output) {
        return switch (this) {
            case BATCH_MEAN -> 1.0 / output.rows();
            case MEAN -> 1.0 / output.size();
            case SUM -> 1.0;
        };
    }
}
