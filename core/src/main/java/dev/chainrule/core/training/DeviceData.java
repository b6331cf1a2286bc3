package dev.chainrule.core.training;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * A data set uploaded once to the network's backend, from which mini-batches are gathered row by row into reused
 * buffers.
 */
final class DeviceData {

    private record Batch(Tensor x, Tensor y) {
    }

    private final Dataset host;
    private final Tensor features;
    private final Tensor targets;
    private final BufferCache<Batch> batches = new BufferCache<>();

    DeviceData(Network network, Dataset host) {
        if (host.featureCount() != network.inputs()) {
            throw new IllegalArgumentException("the data has " + host.featureCount() + " features per row but the network "
                    + "takes " + network.inputs() + " inputs");
        }
        this.host = host;
        this.features = network.backend().fromArray(network.dtype(), new Shape(host.size(), host.featureCount()),
                host.features());
        this.targets = network.backend().fromArray(network.dtype(), new Shape(host.size(), host.targetCount()),
                host.targets());
    }

    Dataset host() {
        return host;
    }

    int size() {
        return host.size();
    }

    /** Gathers {@code rows} rows listed in {@code order} from {@code offset}; returns {x, y} buffers. */
    Tensor[] batch(int[] order, int offset, int rows) {
        Batch batch = batches.get(rows, size -> new Batch(
                features.newLike(new Shape(size, host.featureCount())),
                targets.newLike(new Shape(size, host.targetCount()))));
        features.backend().gatherRows(features, order, offset, batch.x());
        targets.backend().gatherRows(targets, order, offset, batch.y());
        return new Tensor[] {batch.x(), batch.y()};
    }
}
