package dev.chainrule.spark;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Everything a distributed run needs, checked by {@link DistributedTrainer}; the network's shipment is broadcast once
 * per run (every task needs it, and the seed network's model file is a megabyte).
 */
record RunSettings(JavaSparkContext context, TrainingData data, Network network, TrainingConfig config,
        DistributedOptions options, Broadcast<NetworkShipment> shipment, Optional<CheckpointStore> store, TaskHook hook) {

    /** Whether this run may take another step, having taken {@code taken} and completed {@code completed} of {@code total}. */
    boolean continues(long taken, long completed, long total) {
        return completed < total && (options.stepLimit() == 0 || taken < options.stepLimit());
    }

    /** The steps (rounds) completed by the checkpoint that {@code session} resumed from, or 0 for a fresh start. */
    long resume(TrainingSession session) {
        if (!options.resume()) {
            return 0;
        }
        return store.orElseThrow().restoreNewest(session).orElse(0);
    }

    /** Checkpoints {@code session} after {@code step} steps if the policy says so. */
    void checkpointIfDue(TrainingSession session, long step, boolean endOfEpoch) {
        store.ifPresent(files -> {
            if (options.checkpoints().orElseThrow().due(step, endOfEpoch)) {
                files.write(session, step);
            }
        });
    }
}
