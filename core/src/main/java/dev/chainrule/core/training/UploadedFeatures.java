package dev.chainrule.core.training;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/** A data set's features uploaded once to the backend, from which batches are gathered row by row on the backend. */
final class UploadedFeatures implements BatchFeatures {

    /**
     * Rows uploaded at a time from a set that keeps its features compactly: a slice of a few hundred kilobytes, which
     * the garbage collector handles as an ordinary object.
     */
    static final int SLICE_ROWS = 256;

    private final Tensor features;

    private UploadedFeatures(Tensor features) {
        this.features = features;
    }

    /**
     * Uploads {@code host}'s features to {@code backend}: at once when the set holds them as doubles, else in
     * slices of {@value #SLICE_ROWS} rows, so that a compact set (bytes) is never held as doubles in full.
     */
    static UploadedFeatures upload(TensorBackend backend, DType dtype, Dataset host) {
        Shape shape = new Shape(host.size(), host.featureCount());
        if (host.hasFeatureDoubles() || host.size() <= SLICE_ROWS) {
            return new UploadedFeatures(backend.fromArray(dtype, shape, host.features()));
        }
        Tensor features = backend.zeros(dtype, shape);
        double[] slice = new double[SLICE_ROWS * host.featureCount()];
        for (int first = 0; first < host.size(); first += SLICE_ROWS) {
            if (host.size() - first < SLICE_ROWS) {
                slice = new double[(host.size() - first) * host.featureCount()];
            }
            host.copyFeatureRows(first, slice);
            backend.assignRows(slice, first, features);
        }
        return new UploadedFeatures(features);
    }

    @Override
    public void gather(int[] order, int offset, Tensor out) {
        features.backend().gatherRows(features, order, offset, out);
    }
}
