package dev.chainrule.core.training;

import java.util.List;

/**
 * What a training run did, epoch by epoch.
 *
 * @param epochs    the results of every epoch run
 * @param stoppedEarly whether early stopping ended the run (and restored the best weights)
 * @param bestEpoch the epoch whose weights the network holds at the end
 */
public record TrainingHistory(List<EpochResult> epochs, boolean stoppedEarly, int bestEpoch) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's result. */
    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }
}
