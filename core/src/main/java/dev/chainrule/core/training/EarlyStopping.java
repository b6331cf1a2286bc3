package dev.chainrule.core.training;

import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Early stopping on the validation loss: remembers the weights of the best epoch, and after {@code patience} epochs
 * without a lower validation loss restores them and says stop. With patience 0 it never stops and the last epoch
 * counts as the best.
 */
final class EarlyStopping {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    private final List<Parameter> parameters;
    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private List<Tensor> bestWeights;
    private boolean stopped;

    EarlyStopping(List<Parameter> parameters, int patience) {
        this.parameters = parameters;
        this.patience = patience;
    }

    /** Takes an epoch's result; returns whether training should stop (the best weights are then restored). */
    boolean stopAfter(EpochResult result) {
        if (patience == 0) {
            bestEpoch = result.epoch();
            return false;
        }
        double validationLoss = result.validationLoss().orElseThrow();
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = result.epoch();
            snapshot();
            return false;
        }
        if (result.epoch() - bestEpoch < patience) {
            return false;
        }
        LOG.info("early stop after epoch {}: validation loss has not improved since epoch {} ({})", result.epoch(),
                bestEpoch, bestLoss);
        restore();
        stopped = true;
        return true;
    }

    /** The epoch whose weights the network holds. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** Whether {@link #stopAfter} ended the run. */
    boolean stopped() {
        return stopped;
    }

    private void snapshot() {
        if (bestWeights == null) {
            bestWeights = parameters.stream().map(parameter -> parameter.value().duplicate()).toList();
            return;
        }
        for (int p = 0; p < parameters.size(); p++) {
            Tensor value = parameters.get(p).value();
            value.backend().copy(value, bestWeights.get(p));
        }
    }

    private void restore() {
        for (int p = 0; p < parameters.size(); p++) {
            Tensor value = parameters.get(p).value();
            value.backend().copy(bestWeights.get(p), value);
        }
    }

    /** The lowest validation loss seen, or infinity. */
    double bestLoss() {
        return bestLoss;
    }

    /** The weights of the best epoch, in parameter order, or none before the first improvement. */
    java.util.Optional<List<Tensor>> bestWeights() {
        return java.util.Optional.ofNullable(bestWeights);
    }

    /** Restores a saved state; {@code weights} (parameter order) may be null when none were kept. */
    void restore(double savedBestLoss, int savedBestEpoch, boolean savedStopped, List<double[]> weights) {
        bestLoss = savedBestLoss;
        bestEpoch = savedBestEpoch;
        stopped = savedStopped;
        if (weights == null) {
            bestWeights = null;
            return;
        }
        bestWeights = parameters.stream().map(parameter -> parameter.value().newLike()).toList();
        for (int p = 0; p < parameters.size(); p++) {
            bestWeights.get(p).backend().assign(weights.get(p), bestWeights.get(p));
        }
    }
}
