package dev.chainrule.integration.inference;

import static dev.chainrule.integration.inference.TrainedNetworks.CLASSES;
import static dev.chainrule.integration.inference.TrainedNetworks.INPUTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.inference.Predictor;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Accuracy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The predictor gives bit for bit what {@code Network.predict} gives for the same batch (dropout off, batch_norm on
 * its running statistics), through every form of input, on both backends and dtypes; its class, top-k and probability
 * helpers read those outputs; bad input is refused with the row and input named.
 */
class PredictorTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.integration.inference.TrainedNetworks#backendsAndDTypes")
    void everyFormOfInputGivesTheNetworksOwnOutputs(String backend, DType dtype) {
        Network network = TrainedNetworks.trained(backend, dtype, "softmax");
        int rows = 23;
        double[] inputs = TrainedNetworks.rows(rows, 7);
        double[] expected = networkOutputs(network, inputs, 0, rows);
        Predictor predictor = Predictor.of(network, 64, 2);

        assertArrayEquals(expected, predictor.predictRows(inputs, new double[rows * CLASSES]));
        assertArrayEquals(expected, flatten(predictor.predict(split(inputs, rows))));
        assertArrayEquals(expected, predictor.predict(tensor(network, inputs, 0, rows)).toDoubleArray());
        float[] floats = toFloats(inputs);
        double[] widened = widen(floats);
        assertArrayEquals(toFloats(networkOutputs(network, widened, 0, rows)),
                predictor.predictRows(floats, new float[rows * CLASSES]));
        for (int r = 0; r < rows; r++) {
            double[] row = Arrays.copyOfRange(inputs, r * INPUTS, (r + 1) * INPUTS);
            assertArrayEquals(networkOutputs(network, inputs, r, 1), predictor.predict(row), "row " + r);
            assertArrayEquals(toFloats(networkOutputs(network, widened, r, 1)),
                    predictor.predict(Arrays.copyOfRange(floats, r * INPUTS, (r + 1) * INPUTS), new float[CLASSES]),
                    "row " + r);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.integration.inference.TrainedNetworks#backendsAndDTypes")
    void manyRowsRunInBatchesOfTheMaximumEachAsTheNetworkRunsIt(String backend, DType dtype) {
        Network network = TrainedNetworks.trained(backend, dtype, "softmax");
        int rows = 17;
        int batch = 5;
        double[] inputs = TrainedNetworks.rows(rows, 9);
        double[] expected = new double[rows * CLASSES];
        for (int start = 0; start < rows; start += batch) {
            int count = Math.min(batch, rows - start);
            System.arraycopy(networkOutputs(network, inputs, start, count), 0, expected, start * CLASSES,
                    count * CLASSES);
        }
        Predictor predictor = Predictor.of(network, batch, 1);
        assertArrayEquals(expected, predictor.predictRows(inputs, new double[rows * CLASSES]));
        int[] classes = predictor.classifyRows(inputs, new int[rows]);
        for (int r = 0; r < rows; r++) {
            assertEquals(Accuracy.argmax(expected, r * CLASSES, CLASSES), classes[r], "row " + r);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.integration.inference.TrainedNetworks#backendsAndDTypes")
    void classTopKAndProbabilitiesReadTheOutputs(String backend, DType dtype) {
        Predictor predictor = Predictor.of(TrainedNetworks.trained(backend, dtype, "softmax"));
        double[] inputs = TrainedNetworks.rows(10, 13);
        for (int r = 0; r < 10; r++) {
            double[] row = Arrays.copyOfRange(inputs, r * INPUTS, (r + 1) * INPUTS);
            double[] outputs = predictor.predict(row);
            int[] ranked = predictor.topK(row, CLASSES);
            assertEquals(Accuracy.argmax(outputs, 0, CLASSES), predictor.classify(row));
            assertEquals(predictor.classify(row), ranked[0]);
            assertEquals(predictor.classify(toFloats(row)), predictor.topK(toFloats(row), 1)[0]);
            assertEquals(CLASSES, Arrays.stream(ranked).distinct().count());
            for (int k = 1; k < CLASSES; k++) {
                assertTrue(outputs[ranked[k - 1]] >= outputs[ranked[k]], "out of order: " + Arrays.toString(ranked));
            }
            assertTrue(predictor.outputsAreProbabilities());
            assertArrayEquals(outputs, predictor.probabilities(row, new double[CLASSES]));
        }
    }

    @Test
    void scoresBecomeProbabilitiesThroughASoftmax() {
        Predictor predictor = Predictor.of(TrainedNetworks.trained("plain", DType.FLOAT64, "identity"));
        double[] row = Arrays.copyOf(TrainedNetworks.rows(1, 3), INPUTS);
        double[] scores = predictor.predict(row);
        double[] probabilities = predictor.probabilities(row, new double[CLASSES]);
        assertFalse(predictor.outputsAreProbabilities());
        double total = Arrays.stream(scores).map(Math::exp).sum();
        for (int c = 0; c < CLASSES; c++) {
            assertEquals(Math.exp(scores[c]) / total, probabilities[c], 1e-12);
        }
        assertEquals(predictor.classify(row), Accuracy.argmax(probabilities, 0, CLASSES));
    }

    @Test
    void badInputIsRefusedNamingTheRowAndInput() {
        Predictor predictor = Predictor.of(TrainedNetworks.trained("plain", DType.FLOAT32, "softmax"));
        double[] row = new double[INPUTS];
        assertEquals("row 0 has 3 values but the network takes 12",
                assertThrows(IllegalArgumentException.class, () -> predictor.predict(new double[3])).getMessage());
        row[4] = Double.NaN;
        assertEquals("row 0, input 4 is NaN; the network takes finite numbers",
                assertThrows(IllegalArgumentException.class, () -> predictor.classify(row)).getMessage());
        float[] floatRow = new float[INPUTS];
        floatRow[4] = Float.NaN;
        assertEquals("row 0, input 4 is NaN; the network takes finite numbers",
                assertThrows(IllegalArgumentException.class, () -> predictor.predict(floatRow)).getMessage());
        assertEquals("row 0 has 3 values but the network takes 12",
                assertThrows(IllegalArgumentException.class, () -> predictor.predict(new float[3])).getMessage());
        float[] rows = new float[3 * INPUTS];
        rows[2 * INPUTS + 1] = Float.POSITIVE_INFINITY;
        float[] results = new float[3 * CLASSES];
        assertEquals("row 2, input 1 is Infinity; the network takes finite numbers", assertThrows(
                IllegalArgumentException.class, () -> predictor.predictRows(rows, results)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> predictor.predictRows(new double[INPUTS + 1],
                new double[CLASSES]));
        assertThrows(IllegalArgumentException.class, () -> predictor.predict(new double[INPUTS], new double[2]));
        assertEquals("top-k needs k from 1 to 5 (the network's outputs), got 6", assertThrows(
                IllegalArgumentException.class, () -> predictor.topK(new double[INPUTS], 6)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Predictor.of(predictor.network(), 0, 1));
    }

    /** What {@code Network.predict} gives for rows {@code start} to {@code start + count} as one batch. */
    static double[] networkOutputs(Network network, double[] inputs, int start, int count) {
        return network.predict(tensor(network, inputs, start, count)).toDoubleArray();
    }

    static Tensor tensor(Network network, double[] inputs, int start, int count) {
        return network.backend().fromArray(network.dtype(), new Shape(count, INPUTS),
                Arrays.copyOfRange(inputs, start * INPUTS, (start + count) * INPUTS));
    }

    static double[][] split(double[] inputs, int rows) {
        double[][] split = new double[rows][];
        for (int r = 0; r < rows; r++) {
            split[r] = Arrays.copyOfRange(inputs, r * INPUTS, (r + 1) * INPUTS);
        }
        return split;
    }

    private static double[] flatten(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] widen(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
