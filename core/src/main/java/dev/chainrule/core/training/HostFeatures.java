package dev.chainrule.core.training;

import dev.chainrule.core.tensor.Tensor;

/**
 * A data set's features read from the set itself for every batch: the listed rows are copied into a reused array of
 * doubles and assigned to the batch's tensor. Nothing the size of the set is allocated, so a backend that keeps its
 * tensors on the Java heap does not hold the set twice; the price is one conversion of the batch's rows per step.
 */
final class HostFeatures implements BatchFeatures {

    private final Dataset host;
    private final BufferCache<double[]> rows = new BufferCache<>();

    HostFeatures(Dataset host) {
        this.host = host;
    }

    @Override
    public void gather(int[] order, int offset, Tensor out) {
        double[] values = rows.get(out.rows(), size -> new double[size * host.featureCount()]);
        host.gatherFeatureRows(order, offset, values);
        out.backend().assign(values, out);
    }
}
