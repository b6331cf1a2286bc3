package dev.chainrule.core.training;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.network.Network;
import jakarta.inject.Inject;

/**
 * Trains a network by mini-batch backpropagation. For every batch, in this order: {@link Backpropagation} computes
 * the loss and each parameter's gradient through each layer's own derivative; the {@link Regularization}
 * adds its penalty to the loss and its derivative to the gradients; the {@link GradientClipping} bounds the gradients;
 * and the optimizer updates each parameter in place at the rate that the schedule gives for the step. The trainer
 * knows nothing about any particular activation, loss, optimizer or schedule.
 *
 * <p>Every batch runs a training pass ({@link ForwardContext#training}) whose random numbers (dropout's masks, rrelu's
 * slopes) come from a generator split from the configuration's seed, one split per batch; evaluation runs inference
 * passes (no dropout, batch_norm on its running statistics).
 *
 * <p>{@code fit} is a loop over a {@link TrainingSession}, which applications drive themselves for step-level control,
 * their own batch sources, stopping and checkpoints.
 *
 * <p>Deterministic: the same network, data and configuration give the same weights, bit for bit. A loss that stops
 * being finite ends training with a {@link TrainingDivergedException} naming the epoch, batch and layer.
 */
public final class Trainer {

    /** A trainer; it holds no state between runs. */
    @Inject
    public Trainer() {
    }

    /** Trains {@code network} in place on {@code data}, in the configuration's shuffled (or stored) order. */
    public TrainingHistory fit(Network network, Dataset data, TrainingConfig config) {
        return fit(network, DatasetSource.of(data), config);
    }

    /** Trains {@code network} in place on the batches of {@code source}: a {@link TrainingSession}'s whole run. */
    public TrainingHistory fit(Network network, BatchSource source, TrainingConfig config) {
        return new TrainingSession(network, config).fit(source);
    }
}
