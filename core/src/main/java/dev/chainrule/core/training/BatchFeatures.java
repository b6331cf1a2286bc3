package dev.chainrule.core.training;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Tensor;

/**
 * Where a mini-batch's features come from during training: a copy of the whole data set uploaded once to the backend
 * ({@link UploadedFeatures}), or the data set's own rows ({@link Features}), converted batch by batch
 * ({@link HostFeatures}), for a backend whose tensors share the Java heap with the data set
 * ({@link dev.chainrule.core.tensor.TensorBackend#storesTensorsOnHeap}).
 */
sealed interface BatchFeatures permits UploadedFeatures, HostFeatures {

    /** The source that suits {@code network}'s backend. */
    static BatchFeatures of(Network network, Dataset host) {
        return network.backend().storesTensorsOnHeap()
                ? new HostFeatures(host)
                : UploadedFeatures.upload(network, host);
    }

    /**
     * Writes the features of {@code out.rows()} rows, those listed in {@code order} from {@code offset} on, into
     * {@code out} (modified).
     */
    void gather(int[] order, int offset, Tensor out);
}
