package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.data.ArraySource;
import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.BatchStream;
import dev.chainrule.core.data.CsvSource;
import dev.chainrule.core.data.IdxSource;
import dev.chainrule.core.data.ShuffleBuffer;
import dev.chainrule.core.io.Checkpoints;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Streaming CSV and IDX sources: the same batches as the in-memory set, bounded shuffling, clear errors, resume. */
class StreamingSourceTest {

    private static final String LAYERS = "5:tanh;dropout(rate=0.2);3:softmax";
    private static final int ROWS = 203;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void aStreamedCsvInFileOrderTrainsLikeTheSetInMemoryBitForBit(TensorBackend backend, DType dtype)
            throws IOException {
        Dataset data = TrainingSessionTest.data(ROWS, 31);
        Path csv = writeCsv(data);
        Network inMemory = network(backend, dtype);
        new TrainingSession(inMemory, config(false).build()).fit(DatasetSource.of(data));
        Network streamed = network(backend, dtype);
        new TrainingSession(streamed, config(false).build()).fit(CsvSource.numeric(csv, 4, 5, 6)
                .withShuffleBuffer(16));
        assertArrayEquals(TrainingSessionTest.values(inMemory), TrainingSessionTest.values(streamed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aShuffledStreamTrainsLikeTheSetInTheBuffersOrderBitForBit(TensorBackend backend) throws IOException {
        Dataset data = TrainingSessionTest.data(ROWS, 32);
        Path csv = writeCsv(data);
        TrainingConfig config = config(true).build();
        Network inMemory = network(backend, DType.FLOAT64);
        new TrainingSession(inMemory, config).fit(DatasetSource.inOrder(data,
                epoch -> ShuffleBuffer.order(ROWS, 16, sessionShuffling(config.seed(), epoch))));
        Network streamed = network(backend, DType.FLOAT64);
        new TrainingSession(streamed, config).fit(CsvSource.numeric(csv, 4, 5, 6).withShuffleBuffer(16));
        assertArrayEquals(TrainingSessionTest.values(inMemory), TrainingSessionTest.values(streamed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void anIdxPairStreamsLikeItsBytesInMemory(TensorBackend backend) throws IOException {
        int pixels = 4;
        byte[] images = new byte[ROWS * pixels];
        int[] labels = new int[ROWS];
        SplittableRandom random = new SplittableRandom(3);
        for (int r = 0; r < ROWS; r++) {
            labels[r] = r % 3;
            for (int p = 0; p < pixels; p++) {
                images[r * pixels + p] = (byte) (p == labels[r] ? 200 + random.nextInt(50) : random.nextInt(120));
            }
        }
        Path imageFile = folder.resolve("images-idx3-ubyte");
        Path labelFile = folder.resolve("labels-idx1-ubyte");
        writeIdx(imageFile, labelFile, images, labels);
        double[] oneHot = new double[ROWS * 3];
        for (int r = 0; r < ROWS; r++) {
            oneHot[r * 3 + labels[r]] = 1;
        }
        TrainingConfig config = config(true).build();
        Network inMemory = network(backend, DType.FLOAT32);
        new TrainingSession(inMemory, config).fit(new ReorderedBytes(images, oneHot, config.seed()));
        Network streamed = network(backend, DType.FLOAT32);
        IdxSource idx = new IdxSource(imageFile, labelFile, 1 / 255.0, 3).withShuffleBuffer(16);
        assertEquals(4, idx.featureCount());
        new TrainingSession(streamed, config).fit(idx);
        assertArrayEquals(TrainingSessionTest.values(inMemory), TrainingSessionTest.values(streamed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aStreamedRunResumesMidEpochBitForBit(TensorBackend backend) throws IOException {
        Path csv = writeCsv(TrainingSessionTest.data(ROWS, 33));
        CsvSource source = CsvSource.numeric(csv, 4, 5, 6).withShuffleBuffer(32);
        Network uninterrupted = network(backend, DType.FLOAT32);
        new TrainingSession(uninterrupted, config(true).build()).fit(source);

        TrainingSession first = new TrainingSession(network(backend, DType.FLOAT32), config(true)
                .listener(new dev.chainrule.core.training.TrainingListener() {
                    private int batches;

                    @Override
                    public boolean stopRequested() {
                        return ++batches == 40;
                    }
                }).build());
        first.fit(source);
        Path checkpoint = folder.resolve("stream.ckpt");
        Checkpoints.save(first, Map.of(), checkpoint);
        Network resumed = network(backend, DType.FLOAT32);
        TrainingSession second = new TrainingSession(resumed, config(true).build());
        second.restoreCheckpoint(checkpoint);
        second.fit(source);
        assertArrayEquals(TrainingSessionTest.values(uninterrupted), TrainingSessionTest.values(resumed));
    }

    @Test
    void theBufferGivesOutEveryRowOnceAndMovesNoneFartherThanItsCapacityAhead() {
        int[] order = ShuffleBuffer.order(1000, 50, new SplittableRandom(1));
        assertArrayEquals(java.util.stream.IntStream.range(0, 1000).toArray(), Arrays.stream(order).sorted().toArray());
        for (int i = 0; i < order.length; i++) {
            assertTrue(order[i] <= i + 49, "row " + order[i] + " given out at " + i);
        }
        assertArrayEquals(order, ShuffleBuffer.order(1000, 50, new SplittableRandom(1)));
    }

    @Test
    void aBadCellIsAnErrorNamingFileLineAndColumn() throws IOException {
        Path csv = folder.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n\n3,x,1\n");
        CsvSource source = CsvSource.numeric(csv, 2);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> drain(source));
        assertEquals("bad.csv, line 4, column 2: 'x' is not a finite number", error.getMessage());
        Files.writeString(csv, "1,2,0\n3,4\n");
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> drain(CsvSource.numeric(csv, 2)));
        assertEquals("bad.csv, line 2: 2 columns where the first line has 3", ragged.getMessage());
    }

    @Test
    void quotedCellsAByteOrderMarkAndBlankLinesAreReadAsTheCsvStandardSays() throws IOException {
        Path csv = folder.resolve("quoted.csv");
        Files.writeString(csv, "\uFEFF\"x\",\"y, the target\"\n\" 1.5\",2\n   \n\"-0.25 \",\"1e1\"\n");
        List<double[]> rows = new ArrayList<>();
        try (BatchStream stream = CsvSource.numeric(csv, 1).open(new BatchSource.Pass(1, 8, Optional.empty()))) {
            Batch batch = stream.next();
            TensorBackend backend = dev.chainrule.testkit.Backends.reference();
            Tensor x = backend.zeros(DType.FLOAT64, new Shape(batch.rows(), 1));
            Tensor y = backend.zeros(DType.FLOAT64, new Shape(batch.rows(), 1));
            batch.writeTo(x, y);
            rows.add(x.toDoubleArray());
            rows.add(y.toDoubleArray());
        }
        assertArrayEquals(new double[] {1.5, -0.25}, rows.get(0));
        assertArrayEquals(new double[] {2, 10}, rows.get(1));
        assertArrayEquals(new String[] {"x", "y, the target"}, CsvSource.firstLine(csv));
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingFileAndLine() throws IOException {
        Path csv = folder.resolve("unclosed.csv");
        Files.writeString(csv, "1,2\n3,\"4\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> drain(CsvSource.numeric(csv, 1)));
        assertTrue(error.getMessage().startsWith("unclosed.csv, line "), error.getMessage());
        assertTrue(error.getMessage().contains("quote"), error.getMessage());
    }

    @Test
    void arraysOfFloatsAndBytesGiveTheirRowsWidenedOnlyBatchByBatch() {
        TensorBackend backend = dev.chainrule.testkit.Backends.reference();
        float[] floats = {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f};
        List<double[]> rows = drain(ArraySource.ofFloats(floats, 2, new double[] {0, 1, 2}, 1), backend, 2);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5}, rows.get(0));
        assertArrayEquals(new double[] {4.5, 5.5}, rows.get(1));
        byte[] bytes = {(byte) 255, 0, 51, 102};
        List<double[]> pixels = drain(ArraySource.ofUnsignedBytes(bytes, 2, 1 / 255.0, new double[] {0, 1}, 1), backend,
                8);
        assertArrayEquals(new double[] {1, 0, 0.2, 0.4}, pixels.get(0), 1e-15);
    }

    private static List<double[]> drain(BatchSource source, TensorBackend backend, int batchSize) {
        List<double[]> batches = new ArrayList<>();
        try (BatchStream stream = source.open(new BatchSource.Pass(1, batchSize, Optional.empty()))) {
            while (stream.hasNext()) {
                Batch batch = stream.next();
                Tensor x = backend.zeros(DType.FLOAT64, new Shape(batch.rows(), batch.featureCount()));
                Tensor y = backend.zeros(DType.FLOAT64, new Shape(batch.rows(), batch.targetCount()));
                batch.writeTo(x, y);
                batches.add(x.toDoubleArray());
            }
        }
        return batches;
    }

    private static void drain(CsvSource source) {
        drain(source, dev.chainrule.testkit.Backends.reference(), 4);
    }

    /** The shuffling generator a session hands to the pass of {@code epoch} (its documented derivation). */
    private static SplittableRandom sessionShuffling(long seed, int epoch) {
        SplittableRandom shuffling = new SplittableRandom(seed).split();
        for (int e = 1; e < epoch; e++) {
            shuffling.split();
        }
        return shuffling.split();
    }

    /** The bytes in memory, visited in the order a 16-row shuffle buffer gives them. */
    private record ReorderedBytes(byte[] images, double[] targets, long seed) implements BatchSource {
        @Override
        public int featureCount() {
            return 4;
        }

        @Override
        public int targetCount() {
            return 3;
        }

        @Override
        public java.util.OptionalLong rows() {
            return java.util.OptionalLong.of(ROWS);
        }

        @Override
        public BatchStream open(Pass pass) {
            int[] order = ShuffleBuffer.order(ROWS, 16, pass.shuffling().orElseThrow());
            byte[] x = new byte[images.length];
            double[] y = new double[targets.length];
            for (int i = 0; i < ROWS; i++) {
                System.arraycopy(images, order[i] * 4, x, i * 4, 4);
                System.arraycopy(targets, order[i] * 3, y, i * 3, 3);
            }
            return ArraySource.ofUnsignedBytes(x, 4, 1 / 255.0, y, 3)
                    .open(new Pass(pass.epoch(), pass.batchSize(), Optional.empty()));
        }

        @Override
        public String describe() {
            return "bytes in the buffer's order";
        }
    }

    private Path writeCsv(Dataset data) throws IOException {
        Path csv = folder.resolve("rows.csv");
        StringBuilder text = new StringBuilder("f1,f2,f3,f4,c1,c2,c3\n");
        for (int r = 0; r < data.size(); r++) {
            double[] x = data.featureRow(r);
            double[] y = data.targetRow(r);
            for (double value : x) {
                text.append(value).append(',');
            }
            text.append(y[0]).append(',').append(y[1]).append(',').append(y[2]).append('\n');
        }
        Files.writeString(csv, text);
        return csv;
    }

    private static void writeIdx(Path images, Path labels, byte[] pixels, int[] classes) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x00000803);
            out.writeInt(classes.length);
            out.writeInt(2);
            out.writeInt(2);
            out.write(pixels);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(classes.length);
            for (int label : classes) {
                out.writeByte(label);
            }
        }
    }

    private static TrainingConfig.Builder config(boolean shuffle) {
        return TrainingConfig.builder(Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create("adam(lr=0.02)")).epochs(3).batchSize(8).seed(17)
                .shuffle(shuffle);
    }

    private static Network network(TensorBackend backend, DType dtype) {
        return TrainingSessionTest.network(backend, dtype, 7, LAYERS);
    }
}
