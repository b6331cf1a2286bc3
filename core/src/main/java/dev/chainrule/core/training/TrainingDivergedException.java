package dev.chainrule.core.training;

/** Training produced a loss that is not a finite number; the message names the epoch, the batch and the layer. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrainingDivergedException(String message) {
        super(message);
    }
}
