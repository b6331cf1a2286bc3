package dev.chainrule.spark;

import java.io.Serializable;

/** Called on an executor before a task computes its partition's share of a step; for tests that inject faults. */
@FunctionalInterface
interface TaskHook extends Serializable {

    /** Does nothing. */
    TaskHook NONE = (step, partition, attempt) -> { };

    /** Before partition {@code partition} computes step {@code step} (from 0) in attempt {@code attempt} (from 0). */
    void beforeShare(long step, int partition, int attempt);
}
