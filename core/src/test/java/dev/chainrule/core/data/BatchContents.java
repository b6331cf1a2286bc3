package dev.chainrule.core.data;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/** What a batch writes into its tensors, caught by stand-in tensors (core has no backend). */
final class BatchContents {

    private static final TensorBackend BACKEND = mock(TensorBackend.class, withSettings().stubOnly());
    private static final Tensor X = mock(Tensor.class, withSettings().stubOnly());
    private static final Tensor Y = mock(Tensor.class, withSettings().stubOnly());
    private static final double[][] WRITTEN = new double[2][];

    static {
        when(X.backend()).thenReturn(BACKEND);
        when(Y.backend()).thenReturn(BACKEND);
        when(BACKEND.assign(any(double[].class), eq(X))).thenAnswer(call -> {
            WRITTEN[0] = ((double[]) call.getArgument(0)).clone();
            return X;
        });
        when(BACKEND.assign(any(double[].class), eq(Y))).thenAnswer(call -> {
            WRITTEN[1] = ((double[]) call.getArgument(0)).clone();
            return Y;
        });
    }

    private BatchContents() {
    }

    /** The features {@code batch} writes, row-major (a copy). */
    static synchronized double[] features(Batch batch) {
        batch.writeTo(X, Y);
        return WRITTEN[0];
    }

    /** The targets {@code batch} writes, row-major (a copy). */
    static synchronized double[] targets(Batch batch) {
        batch.writeTo(X, Y);
        return WRITTEN[1];
    }
}
