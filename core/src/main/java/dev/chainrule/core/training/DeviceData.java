package dev.chainrule.core.training;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * A data set made ready for a network's backend: targets uploaded once, features uploaded once or read from the set
 * batch by batch ({@link BatchFeatures}); mini-batches are gathered row by row into reused buffers.
 */
final class DeviceData {

    private final Dataset host;
    private final TensorBackend backend;
    private final DType dtype;
    private final BatchFeatures features;
    private final Tensor targets;
    private final BufferCache<Batch> batches = new BufferCache<>();

    DeviceData(Network network, Dataset host) {
        if (host.featureCount() != network.inputs()) {
            throw new IllegalArgumentException("the data has " + host.featureCount() + " features per row but the network "
                    + "takes " + network.inputs() + " inputs");
        }
        this.host = host;
        this.backend = network.backend();
        this.dtype = network.dtype();
        this.features = BatchFeatures.of(network, host);
        this.targets = backend.fromArray(dtype, new Shape(host.size(), host.targetCount()), host.targets());
    }

    Dataset host() {
        return host;
    }

    int size() {
        return host.size();
    }

    /**
     * A mini-batch's features and targets, in buffers reused for every batch of the same size.
     *
     * @param x the features, {@code rows x features}
     * @param y the targets, {@code rows x targets}
     */
    record Batch(Tensor x, Tensor y) {
    }

    /** Gathers {@code rows} rows listed in {@code order} from {@code offset} into the buffers for that many rows. */
    Batch batch(int[] order, int offset, int rows) {
        Batch batch = batches.get(rows, size -> new Batch(
                backend.zeros(dtype, new Shape(size, host.featureCount())),
                backend.zeros(dtype, new Shape(size, host.targetCount()))));
        features.gather(order, offset, batch.x());
        backend.gatherRows(targets, order, offset, batch.y());
        return batch;
    }
}
