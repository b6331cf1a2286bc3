package dev.chainrule.core.training;

import java.util.OptionalDouble;

/**
 * The figures of one epoch.
 *
 * @param epoch              1-based epoch
 * @param loss               mean training loss over the epoch's batches, weighted by rows
 * @param accuracy           training accuracy over the epoch, for classification
 * @param validationLoss     loss on the validation data after the epoch, if any
 * @param validationAccuracy accuracy on the validation data after the epoch, for classification
 * @param seconds            wall time of the epoch
 * @param samplesPerSecond   training throughput of the epoch
 */
public record EpochResult(int epoch, double loss, OptionalDouble accuracy, OptionalDouble validationLoss,
        OptionalDouble validationAccuracy, double seconds, double samplesPerSecond) {
}
