package dev.chainrule.core.training;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.Tensor;

/**
 * Where a mini-batch's features come from during training: a copy of the whole data set uploaded once to the backend
 * ({@link UploadedFeatures}), or the data set's own rows ({@link Features}), converted batch by batch
 * ({@link HostFeatures}), for a backend whose tensors share the Java heap with the data set
 * ({@link dev.chainrule.core.tensor.TensorBackend#storesTensorsOnHeap}).
 */
sealed interface BatchFeatures permits UploadedFeatures, HostFeatures {

    /** The source that suits {@code backend}. */
    static BatchFeatures of(TensorBackend backend, DType dtype, Dataset host) {
        return backend.storesTensorsOnHeap()
                ? new HostFeatures(host)
                : UploadedFeatures.upload(backend, dtype, host);
    }

    /**
     * Writes the features of {@code out.rows()} rows, those listed in {@code order} from {@code offset} on, into
     * {@code out} (modified).
     */
    void gather(int[] order, int offset, Tensor out);
}
