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
        this(network.backend(), network.dtype(), checked(network, host));
    }

    /** {@code host} made ready for {@code backend} in {@code dtype}. */
    DeviceData(TensorBackend backend, DType dtype, Dataset host) {
        this.host = host;
        this.backend = backend;
        this.dtype = dtype;
        this.features = BatchFeatures.of(backend, dtype, host);
        this.targets = backend.fromArray(dtype, new Shape(host.size(), host.targetCount()), host.targets());
    }

    private static Dataset checked(Network network, Dataset host) {
        if (host.featureCount() != network.inputs()) {
            throw new IllegalArgumentException("the data has " + host.featureCount() + " features per row but the network "
                    + "takes " + network.inputs() + " inputs");
        }
        return host;
    }

    TensorBackend backend() {
        return backend;
    }

    DType dtype() {
        return dtype;
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
        gather(order, offset, batch.x(), batch.y());
        return batch;
    }

    /** Gathers the rows listed in {@code order} from {@code offset} into {@code x} and {@code y} (modified). */
    void gather(int[] order, int offset, Tensor x, Tensor y) {
        features.gather(order, offset, x);
        backend.gatherRows(targets, order, offset, y);
    }
}
