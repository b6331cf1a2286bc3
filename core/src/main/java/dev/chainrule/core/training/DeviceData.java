package dev.chainrule.core.training;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * A data set uploaded once to the network's backend, from which mini-batches are gathered row by row into reused
 * buffers.
 */
final class DeviceData {

    /**
     * Rows uploaded at a time from a set that keeps its features compactly: a slice of a few hundred kilobytes, which
     * the garbage collector handles as an ordinary object.
     */
    static final int SLICE_ROWS = 256;

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
        this.features = upload(network, host);
        this.targets = network.backend().fromArray(network.dtype(), new Shape(host.size(), host.targetCount()),
                host.targets());
    }

    /**
     * The features on the backend: at once when the set holds them as doubles, else in slices of {@value #SLICE_ROWS}
     * rows, so that a compact set (bytes) is never held as doubles in full.
     */
    private static Tensor upload(Network network, Dataset host) {
        Shape shape = new Shape(host.size(), host.featureCount());
        if (host.hasFeatureDoubles() || host.size() <= SLICE_ROWS) {
            return network.backend().fromArray(network.dtype(), shape, host.features());
        }
        Tensor features = network.backend().zeros(network.dtype(), shape);
        double[] slice = new double[SLICE_ROWS * host.featureCount()];
        for (int first = 0; first < host.size(); first += SLICE_ROWS) {
            if (host.size() - first < SLICE_ROWS) {
                slice = new double[(host.size() - first) * host.featureCount()];
            }
            host.copyFeatureRows(first, slice);
            network.backend().assignRows(slice, first, features);
        }
        return features;
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
                features.newLike(new Shape(size, host.featureCount())),
                targets.newLike(new Shape(size, host.targetCount()))));
        features.backend().gatherRows(features, order, offset, batch.x());
        targets.backend().gatherRows(targets, order, offset, batch.y());
        return batch;
    }
}
