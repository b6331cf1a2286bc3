package dev.chainrule.core.training;

/**
 * Observes training: called after every batch and every epoch, on the training thread. A listener may also ask to stop
 * ({@link #stopRequested()}, a time budget, a user's condition): the session then ends cleanly after the current
 * batch, its state intact for a checkpoint, and {@link TrainingSession#fit} returns.
 */
public interface TrainingListener {

    /** Called after each mini-batch's update. */
    default void onBatchEnd(BatchResult result) {
    }

    /** Called after each epoch, with validation figures when there is validation data. */
    default void onEpochEnd(EpochResult result) {
    }

    /** Asked after each batch (after {@link #onBatchEnd}): whether training should stop now. */
    default boolean stopRequested() {
        return false;
    }
}
