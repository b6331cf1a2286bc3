package dev.chainrule.core.training;

/** Observes training: called after every batch and every epoch, on the training thread. */
public interface TrainingListener {

    /** Called after each mini-batch's update. */
    default void onBatchEnd(BatchResult result) {
    }

    /** Called after each epoch, with validation figures when there is validation data. */
    default void onEpochEnd(EpochResult result) {
    }
}
