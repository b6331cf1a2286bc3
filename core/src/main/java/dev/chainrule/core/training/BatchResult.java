package dev.chainrule.core.training;

import java.util.OptionalDouble;

/**
 * The figures of one mini-batch.
 *
 * @param epoch            1-based epoch
 * @param batch            1-based batch within the epoch
 * @param batches          batches per epoch
 * @param rows             rows in this batch
 * @param loss             the batch's loss before the update
 * @param accuracy         the batch's accuracy before the update, for classification
 * @param samplesPerSecond throughput of the epoch so far
 */
public record BatchResult(int epoch, int batch, int batches, int rows, double loss, OptionalDouble accuracy,
        double samplesPerSecond) {
}
