package dev.chainrule.core.training;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.schedule.LearningRateSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to train: the loss and optimizer, the learning-rate schedule, penalties and gradient clipping, epochs, batch
 * size, seed, and the optional validation set with early stopping. Immutable; build one with
 * {@link #builder(Loss, Optimizer)}.
 *
 * @param loss                   the loss
 * @param optimizer              the optimizer
 * @param schedule               the learning rate of each step, from the optimizer's base rate
 * @param regularization         L1 and L2 penalties added to the loss (reported training losses include them)
 * @param clipping               how gradients are bounded before the optimizer sees them
 * @param epochs                 passes over the training data, at least 1
 * @param batchSize              rows per mini-batch, at least 1; the last batch of an epoch may be smaller
 * @param seed                   seed of the shuffling and of the random numbers that activations draw while
 *                               training (rrelu's slopes)
 * @param shuffle                whether each epoch visits the rows in a fresh random order
 * @param fusedOutputGradient    whether to use the loss's fused output gradient when it offers one
 * @param validation             data evaluated after every epoch
 * @param patience               with validation data: stop after this many epochs without a lower validation loss
 *                               and restore the best weights; 0 disables early stopping
 * @param listeners              observers of batches and epochs
 */
public record TrainingConfig(Loss loss, Optimizer optimizer, LearningRateSchedule schedule,
        Regularization regularization, GradientClipping clipping, int epochs, int batchSize, long seed, boolean shuffle,
        boolean fusedOutputGradient, Optional<Dataset> validation, int patience, List<TrainingListener> listeners) {

    public TrainingConfig {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(regularization, "regularization");
        Objects.requireNonNull(clipping, "clipping");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (patience > 0 && validation.isEmpty()) {
            throw new IllegalArgumentException("early stopping (patience " + patience + ") needs validation data");
        }
        listeners = List.copyOf(listeners);
    }

    /**
     * A builder with the defaults: the optimizer's constant rate, no penalties, no clipping, 10 epochs, batches of 32,
     * seed 1, shuffling and fused gradients on.
     */
    public static Builder builder(Loss loss, Optimizer optimizer) {
        return new Builder(loss, optimizer);
    }

    /** Builds a {@link TrainingConfig}; the defaults live here and nowhere else. */
    public static final class Builder {
        private final Loss loss;
        private final Optimizer optimizer;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private Regularization regularization = Regularization.none();
        private GradientClipping clipping = GradientClipping.none();
        private int epochs = 10;
        private int batchSize = 32;
        private long seed = 1;
        private boolean shuffle = true;
        private boolean fusedOutputGradient = true;
        private Optional<Dataset> validation = Optional.empty();
        private int patience;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder(Loss loss, Optimizer optimizer) {
            this.loss = loss;
            this.optimizer = optimizer;
        }

        /** The learning-rate schedule. */
        public Builder schedule(LearningRateSchedule value) {
            this.schedule = value;
            return this;
        }

        /** L1 and L2 penalties. */
        public Builder regularization(Regularization value) {
            this.regularization = value;
            return this;
        }

        /** Gradient clipping. */
        public Builder clipping(GradientClipping value) {
            this.clipping = value;
            return this;
        }

        /** Passes over the data. */
        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        /** Rows per mini-batch. */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** Seed of the shuffling and of training-time randomness in activations. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Whether to shuffle every epoch. */
        public Builder shuffle(boolean value) {
            this.shuffle = value;
            return this;
        }

        /** Whether to take the loss's fused output gradient when it offers one. */
        public Builder fusedOutputGradient(boolean value) {
            this.fusedOutputGradient = value;
            return this;
        }

        /** Data to evaluate after every epoch. */
        public Builder validation(Dataset value) {
            this.validation = Optional.of(value);
            return this;
        }

        /** Early stopping: epochs without a lower validation loss before training stops. */
        public Builder patience(int value) {
            this.patience = value;
            return this;
        }

        /** Adds an observer. */
        public Builder listener(TrainingListener value) {
            this.listeners.add(value);
            return this;
        }

        /** The configuration. */
        public TrainingConfig build() {
            return new TrainingConfig(loss, optimizer, schedule, regularization, clipping, epochs, batchSize, seed,
                    shuffle, fusedOutputGradient, validation, patience, listeners);
        }
    }
}
