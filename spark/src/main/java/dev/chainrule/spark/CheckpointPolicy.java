package dev.chainrule.spark;

/**
 * Where and how often a distributed run checkpoints: a folder given as a Hadoop {@code FileSystem} URI
 * ({@code hdfs://...}, {@code s3a://...}, {@code file:/...} or a local path), every {@code everySteps} steps (rounds in
 * parameter-averaging mode) and/or at the end of each epoch, keeping the newest {@code keep} files.
 *
 * @param folder     the folder's URI
 * @param everySteps checkpoint after every this many steps; 0 for none by count
 * @param eachEpoch  checkpoint at the end of every epoch
 * @param keep       checkpoints kept, at least 1
 */
public record CheckpointPolicy(String folder, int everySteps, boolean eachEpoch, int keep) {

    public CheckpointPolicy {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("the checkpoint folder must be given");
        }
        if (everySteps < 0) {
            throw new IllegalArgumentException("checkpoint steps must be >= 0, got " + everySteps);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("checkpoints kept must be >= 1, got " + keep);
        }
    }

    /** Every {@code steps} steps into {@code folder}, keeping 3. */
    public static CheckpointPolicy everySteps(String folder, int steps) {
        return new CheckpointPolicy(folder, steps, false, 3);
    }

    /** At the end of every epoch into {@code folder}, keeping 3. */
    public static CheckpointPolicy eachEpoch(String folder) {
        return new CheckpointPolicy(folder, 0, true, 3);
    }

    /** Whether to checkpoint after step {@code step} (counted from 1), which may end an epoch. */
    boolean due(long step, boolean endOfEpoch) {
        return everySteps > 0 && step % everySteps == 0 || eachEpoch && endOfEpoch;
    }
}
