package dev.chainrule.spark;

import dev.chainrule.core.data.Batch;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.TrainingSession;

/**
 * An executor's copy of a job's network. A task borrows it ({@link WorkerPool}), opens a {@link TrainingSession} on it
 * whose noise comes from the task's own seed (of step and partition, so that a retried task repeats itself), sets the
 * broadcast parameters and computes its share of a batch or runs its local steps.
 */
final class Worker {

    private final NetworkShipment shipment;
    private final Network network;

    Worker(NetworkShipment shipment, Network network) {
        this.shipment = shipment;
        this.network = network;
    }

    Network network() {
        return network;
    }

    /** A session on this worker's network from {@code parameters}, with noise from {@code seed}. */
    TrainingSession session(double[] parameters, long seed, long scheduleOffset) {
        TrainingSession session = new TrainingSession(network, shipment.config(seed, scheduleOffset));
        session.setParameterValues(parameters);
        return session;
    }

    /** The batch of the selected rows. */
    static Batch batch(Shard shard, Shard.Rows rows) {
        return Batch.of(rows.features(), shard.featureCount(), rows.targets(), shard.targetCount());
    }
}
