package dev.chainrule.core.training;

import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.BatchStream;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * An in-memory {@link Dataset} as a batch source: in the session's seeded shuffled order (a permutation drawn from the
 * pass's generator, as {@link Trainer#fit} has always done), or in an order the caller gives per epoch. On a backend
 * that keeps tensors off the Java heap, the features are uploaded once and batches are gathered there.
 */
public final class DatasetSource implements BatchSource {

    private final Dataset data;
    private final IntFunction<int[]> orderOfEpoch;
    private DeviceData device;

    private DatasetSource(Dataset data, IntFunction<int[]> orderOfEpoch) {
        this.data = Objects.requireNonNull(data, "data");
        this.orderOfEpoch = orderOfEpoch;
    }

    /** The rows in the session's order: shuffled from its seed when it shuffles, else in stored order. */
    public static DatasetSource of(Dataset data) {
        return new DatasetSource(data, null);
    }

    /**
     * The rows in the caller's order, whatever the session's shuffling.
     *
     * @param orderOfEpoch given the 1-based epoch, the row indices to visit, each row at most once or more as the
     *                     caller likes, all within {@code 0 .. size-1}
     */
    public static DatasetSource inOrder(Dataset data, IntFunction<int[]> orderOfEpoch) {
        return new DatasetSource(data, Objects.requireNonNull(orderOfEpoch, "orderOfEpoch"));
    }

    /** The data set. */
    public Dataset data() {
        return data;
    }

    @Override
    public int featureCount() {
        return data.featureCount();
    }

    @Override
    public int targetCount() {
        return data.targetCount();
    }

    @Override
    public OptionalLong rows() {
        return orderOfEpoch == null ? OptionalLong.of(data.size()) : OptionalLong.empty();
    }

    @Override
    public BatchStream open(Pass pass) {
        int[] order = orderOfEpoch != null ? checked(orderOfEpoch.apply(pass.epoch()), pass.epoch())
                : pass.shuffling().map(random -> Dataset.permutation(data.size(), random))
                        .orElseGet(() -> identity(data.size()));
        return BatchStream.of(new Iterator<>() {
            private int offset;

            @Override
            public boolean hasNext() {
                return offset < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int rows = Math.min(pass.batchSize(), order.length - offset);
                Batch batch = new Rows(order, offset, rows);
                offset += rows;
                return batch;
            }
        });
    }

    @Override
    public String describe() {
        return data.size() + " rows in memory";
    }

    private DeviceData device(TensorBackend backend, DType dtype) {
        if (device == null || device.backend() != backend || device.dtype() != dtype) {
            device = new DeviceData(backend, dtype, data);
        }
        return device;
    }

    private int[] checked(int[] order, int epoch) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] < 0 || order[i] >= data.size()) {
                throw new IllegalArgumentException("the order of epoch " + epoch + " lists row " + order[i]
                        + " at position " + i + ", outside the data set's rows 0.." + (data.size() - 1));
            }
        }
        if (order.length == 0) {
            throw new IllegalArgumentException("the order of epoch " + epoch + " lists no rows");
        }
        return order;
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** The rows listed in an order from an offset. */
    private final class Rows implements Batch {
        private final int[] order;
        private final int offset;
        private final int rows;

        Rows(int[] order, int offset, int rows) {
            this.order = order;
            this.offset = offset;
            this.rows = rows;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int featureCount() {
            return data.featureCount();
        }

        @Override
        public int targetCount() {
            return data.targetCount();
        }

        @Override
        public void writeTo(Tensor x, Tensor y) {
            device(x.backend(), x.dtype()).gather(order, offset, x, y);
        }

        @Override
        public double target(int row, int column) {
            return data.targets()[order[offset + row] * data.targetCount() + column];
        }
    }
}
