package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chainrule.core.Chainrule;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.EmbeddedData;
import dev.chainrule.examples.data.LabeledData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @TempDir
    Path folder;

    @Test
    void theChainRulesProductEqualsTheTrainersGradientForTanhSigmoidAndReluLayers() throws IOException {
        JsonNode explanation = Cli.json(Cli.run("explain", "--dataset", "iris", "--layers", "5:tanh,4:sigmoid,3:relu",
                "--seed", "9", "--sample", "7", "--top", "1000", "--format", "json").succeeded().out());
        assertEquals("4 inputs -> 5 tanh -> 4 sigmoid -> 3 relu -> 3 softmax", explanation.get("network").asText());
        assertTrue(explanation.get("max_difference").asDouble() <= 1e-9, explanation.get("max_difference").asText());

        // The same network and sample, through the trainer's own path (the fused output gradient, its default).
        Chainrule chainrule = Chainrule.create("plain");
        Network network = chainrule.network(4).dense(5, "tanh").dense(4, "sigmoid").dense(3, "relu")
                .dense(3, "softmax").dtype(DType.FLOAT64).seed(9).build();
        LabeledData iris = EmbeddedData.load("iris");
        Dataset sample = Preprocessing.fit(iris, Domain.ONE_HOT).apply(iris.rows(new int[] {7}), Domain.ONE_HOT);
        Backpropagation trainer = new Backpropagation(network, chainrule.loss("categorical_cross_entropy"), true);
        trainer.computeGradients(tensor(chainrule, sample.features()), tensor(chainrule, sample.targets()));

        String[] activations = {"tanh", "sigmoid", "relu", "softmax"};
        int checked = 0;
        for (JsonNode layer : explanation.get("layers")) {
            int k = layer.get("layer").asInt();
            assertEquals(activations[k - 1], layer.get("activation").asText());
            assertEquals(k < 4, layer.get("element_wise").asBoolean());
            assertEquals(layer.get("inputs").asInt() * layer.get("units").asInt(), layer.get("weights").size());
            Tensor gradient = trainer.gradients().get(2 * (k - 1));
            for (JsonNode weight : layer.get("weights")) {
                double product = weight.get("product").asDouble();
                double expected = gradient.get(weight.get("i").asInt(), weight.get("j").asInt());
                assertEquals(expected, product, 1e-9, "layer " + k + " " + weight);
                assertEquals(weight.get("trainer_gradient").asDouble(), product, 1e-9);
                if (k < 4) {
                    assertEquals(product, weight.get("dE_do").asDouble() * weight.get("do_dz").asDouble()
                            * weight.get("dz_dw").asDouble(), 1e-15);
                } else {
                    assertTrue(weight.get("do_dz").isNull());
                }
                checked++;
            }
        }
        assertEquals(20 + 20 + 12 + 9, checked);
    }

    @Test
    void anElementWiseOutputLayerGetsAllThreeFactorsToo() throws IOException {
        JsonNode explanation = Cli.json(Cli.run("explain", "--dataset", "diabetes", "--layers", "4:tanh",
                "--output", "sigmoid", "--loss", "mse", "--top", "100", "--format", "json").succeeded().out());
        JsonNode output = explanation.get("layers").get(1);
        assertTrue(output.get("element_wise").asBoolean());
        assertTrue(output.get("weights").get(0).get("do_dz").isNumber());
        assertTrue(explanation.get("max_difference").asDouble() <= 1e-9);
    }

    @Test
    void textAndMarkdownShowTheFactorsAndTheConclusion() {
        String text = Cli.run("explain", "--top", "2").succeeded().out();
        assertTrue(text.contains("dE/dw_ij = dE/do_j * do_j/dz_j * dz_j/dw_ij"), text);
        assertTrue(text.contains("layer 1: 64 -> 128 tanh (element-wise"), text);
        assertTrue(text.contains("layer 4: 64 -> 10 softmax (not element-wise"), text);
        assertTrue(text.contains("Jacobian"), text);
        assertTrue(text.contains("i   j"), text);
        assertTrue(text.matches("(?s).*Over all 27264 weights .* differ by at most \\d\\.\\de[-+]\\d\\d.*"), text);
        String markdown = Cli.run("explain", "--dataset", "iris", "--layers", "3:relu", "--format", "markdown")
                .succeeded().out();
        assertTrue(markdown.startsWith("# Chain rule for row 0 of iris (class setosa)"), markdown);
        assertTrue(markdown.matches("(?s).*\\n\\| +i \\| +j \\| +dE/do \\|.*"), markdown);
    }

    @Test
    void explainsATrainedModel() {
        Path model = Models.iris(folder.resolve("iris"));
        String text = Cli.run("explain", "--model", model.toString(), "--sample", "120").succeeded().out();
        assertTrue(text.contains("row 120 of iris (class virginica) through the model"), text);
        assertTrue(text.contains("4 inputs -> 6 tanh -> 5 sigmoid -> 4 relu -> 3 softmax"), text);
    }

    @Test
    void aLayerWithoutWeightsSaysWhatItsOwnBackwardDid() {
        String text = Cli.run("explain", "--layers", "6:tanh,batch_norm,dropout(0.2),4:relu").succeeded().out();
        assertTrue(text.contains("layer 2: 6 -> 6 batch_norm(momentum=0.1, eps=1.0E-5) (no weights w_ij: its own "
                + "backward turned |dE/d(output)| = "), text);
        assertTrue(text.contains("layer 3: 6 -> 6 dropout(rate=0.2) (no weights w_ij"), text);
        assertTrue(text.contains("layer 4: 6 -> 4 relu"), text);
        assertTrue(text.contains("each layer applied its own derivative"), text);
    }

    @Test
    void badRequestsAreUsageErrors() {
        assertTrue(Cli.run("explain", "--sample", "5000").failed(2).err().contains("from 0 to 1796"));
        Cli.run("explain", "--model", "m.crm", "--layers", "3:tanh").failed(2);
        Cli.run("explain", "--top", "0").failed(2);
        Cli.run("explain", "--format", "html").failed(2);
        assertFalse(Cli.run("explain", "--layers", "3:nope").failed(2).err().isEmpty());
    }

    private static Tensor tensor(Chainrule chainrule, double[] row) {
        return chainrule.backend().fromArray(DType.FLOAT64, new Shape(1, row.length), row);
    }
}
