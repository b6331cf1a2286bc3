package dev.chainrule.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both sources of a mini-batch's features, the backend's uploaded copy and the data set's own rows, give every batch
 * exactly the rows of the set, on every backend and dtype, for features kept as doubles and as bytes, including a
 * smaller last batch; and a backend that keeps tensors on the heap gets the source that does not copy the set.
 */
class BatchFeaturesTest {

    private static final int ROWS = 300;
    private static final int FEATURES = 7;

    static Stream<Arguments> cases() {
        return Backends.backendsAndDTypes().flatMap(arguments -> Stream.of(true, false)
                .map(bytes -> Arguments.of(arguments.get()[0], arguments.get()[1], bytes)));
    }

    @ParameterizedTest(name = "{0} {1}, bytes {2}")
    @MethodSource("cases")
    void bothSourcesGatherTheListedRows(TensorBackend backend, DType dtype, boolean bytes) {
        Dataset data = data(bytes);
        Network network = network(backend, dtype);
        int[] order = Dataset.permutation(ROWS, new SplittableRandom(4));
        BatchFeatures uploaded = UploadedFeatures.upload(network.backend(), network.dtype(), data);
        BatchFeatures host = new HostFeatures(data);
        int lastBatch = ROWS % 64;
        int[][] batches = {{0, 64}, {64, 64}, {ROWS - lastBatch, lastBatch}, {0, 64}};
        for (int[] batch : batches) {
            int offset = batch[0];
            Tensor fromUpload = network.backend().zeros(dtype, new Shape(batch[1], FEATURES));
            Tensor fromHost = network.backend().zeros(dtype, new Shape(batch[1], FEATURES));
            uploaded.gather(order, offset, fromUpload);
            host.gather(order, offset, fromHost);
            double[] expected = expected(data, order, offset, batch[1], dtype);
            assertArrayEquals(expected, fromUpload.toDoubleArray(), "uploaded, offset " + offset);
            assertArrayEquals(expected, fromHost.toDoubleArray(), "host, offset " + offset);
        }
    }

    @Test
    void plainReadsTheSetAndNd4jUploadsIt() {
        for (TensorBackend backend : Backends.all()) {
            BatchFeatures source = BatchFeatures.of(backend, DType.FLOAT32, data(true));
            switch (backend.name()) {
                case "plain" -> assertInstanceOf(HostFeatures.class, source);
                case "nd4j" -> assertInstanceOf(UploadedFeatures.class, source);
                default -> {
                    Class<? extends BatchFeatures> expected =
                            backend.storesTensorsOnHeap() ? HostFeatures.class : UploadedFeatures.class;
                    assertTrue(expected.isInstance(source), backend.name() + " got " + source.getClass());
                }
            }
        }
    }

    @Test
    void theHeapBackendDoesNotHoldASecondCopyOfTheSet() {
        TensorBackend plain = Backends.reference();
        assertTrue(plain.storesTensorsOnHeap(), "plain keeps its tensors in Java arrays");
        int rows = 20_000;
        int width = 784;
        byte[] pixels = new byte[rows * width];
        new SplittableRandom(2).nextBytes(pixels);
        Dataset data = Dataset.ofUnsignedBytes(pixels, width, 1.0 / 255, new double[rows], 1);
        Network network = Chainrule.create(plain.name()).network(width).dense(2, "identity").dtype(DType.FLOAT32)
                .seed(1).build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        DeviceData device = new DeviceData(network, data);
        device.batch(Dataset.permutation(rows, new SplittableRandom(3)), 0, 128);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        long copy = 4L * rows * width;
        assertTrue(allocated < copy / 10, "making " + rows + " rows of bytes ready for training allocated " + allocated
                + " bytes; a FLOAT32 copy of the features would take " + copy);
        assertEquals(rows, device.size());
    }

    private static Network network(TensorBackend backend, DType dtype) {
        return Chainrule.create(backend.name()).network(FEATURES).dense(3, "tanh").dtype(dtype).seed(1).build();
    }

    private static Dataset data(boolean bytes) {
        SplittableRandom random = new SplittableRandom(9);
        double[] targets = random.doubles(ROWS).toArray();
        if (bytes) {
            byte[] pixels = new byte[ROWS * FEATURES];
            random.nextBytes(pixels);
            return Dataset.ofUnsignedBytes(pixels, FEATURES, 1.0 / 255, targets, 1);
        }
        return new Dataset(random.doubles((long) ROWS * FEATURES, -3, 3).toArray(), FEATURES, targets, 1);
    }

    private static double[] expected(Dataset data, int[] order, int offset, int batch, DType dtype) {
        double[] values = new double[batch * FEATURES];
        for (int r = 0; r < batch; r++) {
            double[] row = data.featureRow(order[offset + r]);
            for (int c = 0; c < FEATURES; c++) {
                values[r * FEATURES + c] = dtype == DType.FLOAT32 ? (float) row[c] : row[c];
            }
        }
        return values;
    }
}
