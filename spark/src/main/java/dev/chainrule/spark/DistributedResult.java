package dev.chainrule.spark;

import java.util.List;

/**
 * What a distributed run did: the loss of every step (synchronous: the global batch's loss with penalties;
 * parameter averaging: the mean loss of the round's local batches), the steps (rounds) completed by the run in all,
 * including those before a resume, and the rows processed and seconds taken by this run.
 *
 * @param losses  per step or round of this run
 * @param steps   steps (rounds) completed, counting from the start of training
 * @param rows    rows processed by this run
 * @param seconds time taken by this run
 */
public record DistributedResult(List<Double> losses, long steps, long rows, double seconds) {

    public DistributedResult {
        losses = List.copyOf(losses);
    }

    /** Rows processed per second. */
    public double samplesPerSecond() {
        return rows / Math.max(seconds, 1e-9);
    }
}
