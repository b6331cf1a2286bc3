package dev.chainrule.spark;

import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.TrainingConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;

/** Everything a distributed run needs, checked by {@link DistributedTrainer}. */
record RunSettings(JavaSparkContext context, TrainingData data, Network network, TrainingConfig config,
        DistributedOptions options, NetworkShipment shipment, Optional<CheckpointStore> store,
        Optional<Checkpoint> resumed, TaskHook hook) {

    /** Whether this run may take another step, having taken {@code taken} and completed {@code completed} of {@code total}. */
    boolean continues(long taken, long completed, long total) {
        return completed < total && (options.stepLimit() == 0 || taken < options.stepLimit());
    }

    /** Checkpoints the network and {@code optimizer} after {@code step} steps if the policy says so. */
    void checkpointIfDue(long step, boolean endOfEpoch, OptimizerSnapshot optimizer) {
        store.ifPresent(files -> {
            if (options.checkpoints().orElseThrow().due(step, endOfEpoch)) {
                files.write(new Checkpoint(step, ModelFile.encode(network, Map.of("step", Long.toString(step))),
                        optimizer));
            }
        });
    }
}
