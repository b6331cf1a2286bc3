package dev.chainrule.spark;

/** How the partitions' work is combined. */
public enum Mode {
    /**
     * One round per global mini-batch: every partition computes the gradient sum of its rows of the batch, the sums
     * are tree-aggregated, the driver applies penalties, clipping, optimizer and schedule. The single-machine result
     * up to summation order.
     */
    SYNCHRONOUS,
    /**
     * One round per {@code localSteps} steps: every partition trains a copy on its own rows for that many local
     * mini-batches, then the copies' parameters (and, if asked, optimizer states) are averaged, weighted by the rows
     * each trained on. Far fewer rounds; not the single-machine result.
     */
    PARAMETER_AVERAGING
}
