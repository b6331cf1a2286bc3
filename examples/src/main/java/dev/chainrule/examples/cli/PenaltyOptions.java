package dev.chainrule.examples.cli;

import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Penalty;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.core.training.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** L1 and L2 penalties on every layer's weights, and gradient clipping: {@code train}'s regularisation options. */
final class PenaltyOptions {

    @Option(names = "--l1", paramLabel = "FACTOR", defaultValue = "0",
            description = "L1 penalty on every layer's weights, added to the loss. Default: ${DEFAULT-VALUE}.")
    double l1;

    @Option(names = "--l2", paramLabel = "FACTOR", defaultValue = "0",
            description = "L2 penalty (l2/2 * sum w^2) on every layer's weights, added to the loss. Default: "
                    + "${DEFAULT-VALUE}.")
    double l2;

    @Option(names = "--clip-value", paramLabel = "LIMIT", description = "Clamp every gradient element to [-LIMIT, LIMIT].")
    Double clipValue;

    @Option(names = "--clip-norm", paramLabel = "MAX", description = "Scale each parameter's gradient to an L2 norm of at most MAX.")
    Double clipNorm;

    @Option(names = "--clip-global-norm", paramLabel = "MAX",
            description = "Scale all gradients together to a combined L2 norm of at most MAX.")
    Double clipGlobalNorm;

    /** Adds the penalties and clipping to {@code config}; bad values are usage errors. */
    void apply(TrainingConfig.Builder config) {
        Penalty penalty = UsageException.check(() -> new Penalty(l1, l2));
        if (!penalty.isNone()) {
            config.regularization(Regularization.of(penalty));
        }
        List<String> given = new ArrayList<>();
        if (clipValue != null) {
            given.add("--clip-value");
        }
        if (clipNorm != null) {
            given.add("--clip-norm");
        }
        if (clipGlobalNorm != null) {
            given.add("--clip-global-norm");
        }
        if (given.size() > 1) {
            throw new UsageException("give one kind of clipping, not " + String.join(" and ", given));
        }
        if (clipValue != null) {
            config.clipping(UsageException.check(() -> GradientClipping.byValue(clipValue)));
        } else if (clipNorm != null) {
            config.clipping(UsageException.check(() -> GradientClipping.byNorm(clipNorm)));
        } else if (clipGlobalNorm != null) {
            config.clipping(UsageException.check(() -> GradientClipping.byGlobalNorm(clipGlobalNorm)));
        }
    }
}
