package dev.chainrule.spark;

import java.util.Optional;

/**
 * How a {@link DistributedTrainer} spreads training over the partitions. Immutable; start from {@link #defaults()}.
 *
 * @param mode                  synchronous (the default) or parameter averaging
 * @param localSteps            parameter averaging: local mini-batches per partition between averages, at least 1
 * @param averageOptimizerState parameter averaging: whether optimizer states are averaged and carried from round to
 *                              round (otherwise each round starts the optimizer afresh)
 * @param aggregationDepth      depth of the tree aggregation of gradients, at least 1 (Spark's default 2)
 * @param checkpoints           where and how often to checkpoint, if at all
 * @param resume                whether to continue from the newest checkpoint in {@code checkpoints}' folder
 * @param stepLimit             stop after this many steps in all (rounds in parameter-averaging mode), for a job
 *                              that will be resumed; 0 for no limit
 */
public record DistributedOptions(Mode mode, int localSteps, boolean averageOptimizerState, int aggregationDepth,
        Optional<CheckpointPolicy> checkpoints, boolean resume, long stepLimit) {

    public DistributedOptions {
        if (localSteps < 1) {
            throw new IllegalArgumentException("local steps must be >= 1, got " + localSteps);
        }
        if (aggregationDepth < 1) {
            throw new IllegalArgumentException("the aggregation depth must be >= 1, got " + aggregationDepth);
        }
        if (stepLimit < 0) {
            throw new IllegalArgumentException("the step limit must be >= 0, got " + stepLimit);
        }
        if (resume && checkpoints.isEmpty()) {
            throw new IllegalArgumentException("resuming needs a checkpoint folder");
        }
    }

    /** Synchronous, tree depth 2, no checkpoints. */
    public static DistributedOptions defaults() {
        return new DistributedOptions(Mode.SYNCHRONOUS, 1, true, 2, Optional.empty(), false, 0);
    }

    /** Parameter averaging every {@code steps} local steps, with averaged optimizer states. */
    public DistributedOptions parameterAveraging(int steps) {
        return new DistributedOptions(Mode.PARAMETER_AVERAGING, steps, averageOptimizerState, aggregationDepth,
                checkpoints, resume, stepLimit);
    }

    /** Whether parameter averaging averages optimizer states too. */
    public DistributedOptions averageOptimizerState(boolean value) {
        return new DistributedOptions(mode, localSteps, value, aggregationDepth, checkpoints, resume, stepLimit);
    }

    /** The tree aggregation's depth. */
    public DistributedOptions aggregationDepth(int value) {
        return new DistributedOptions(mode, localSteps, averageOptimizerState, value, checkpoints, resume, stepLimit);
    }

    /** Checkpoints as {@code policy} says. */
    public DistributedOptions checkpoints(CheckpointPolicy policy) {
        return new DistributedOptions(mode, localSteps, averageOptimizerState, aggregationDepth, Optional.of(policy),
                resume, stepLimit);
    }

    /** Continue from the newest checkpoint (a fresh start if the folder has none). */
    public DistributedOptions resume(boolean value) {
        return new DistributedOptions(mode, localSteps, averageOptimizerState, aggregationDepth, checkpoints, value,
                stepLimit);
    }

    /** Stop after {@code steps} steps (rounds) in all. */
    public DistributedOptions stepLimit(long steps) {
        return new DistributedOptions(mode, localSteps, averageOptimizerState, aggregationDepth, checkpoints, resume,
                steps);
    }
}
