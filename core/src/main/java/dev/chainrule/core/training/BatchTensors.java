package dev.chainrule.core.training;

import dev.chainrule.core.data.Batch;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/** The tensors a network's batches are written into, kept per batch size and reused. */
final class BatchTensors {

    /**
     * A batch's features and targets on the backend.
     *
     * @param x {@code rows x inputs}
     * @param y {@code rows x targets}
     */
    record Loaded(Tensor x, Tensor y) {
    }

    private final Network network;
    private final BufferCache<Loaded> buffers = new BufferCache<>();
    private int targetCount = -1;

    BatchTensors(Network network) {
        this.network = network;
    }

    /** Writes {@code batch} into the buffers for its size, after checking its widths against the network. */
    Loaded load(Batch batch) {
        if (batch.featureCount() != network.inputs()) {
            throw new IllegalArgumentException("the batch has " + batch.featureCount() + " features per row but the "
                    + "network takes " + network.inputs() + " inputs");
        }
        if (targetCount != batch.targetCount()) {
            targetCount = batch.targetCount();
            buffers.clear();
        }
        Loaded loaded = buffers.get(batch.rows(), rows -> new Loaded(
                network.backend().zeros(network.dtype(), new Shape(rows, network.inputs())),
                network.backend().zeros(network.dtype(), new Shape(rows, batch.targetCount()))));
        batch.writeTo(loaded.x(), loaded.y());
        return loaded;
    }
}
