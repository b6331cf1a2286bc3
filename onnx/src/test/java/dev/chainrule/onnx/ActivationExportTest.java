package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in activation, in a dense layer and as a layer of its own, exported and run by ONNX Runtime: its
 * outputs are Chainrule's within 1e-5 in float32 and 1e-12 in float64 on random inputs.
 */
class ActivationExportTest {

    static Stream<Arguments> activations() {
        return Networks.plain().plugins().activations().names().stream()
                .flatMap(name -> Networks.dtypes().stream().map(dtype -> Arguments.of(name, dtype)));
    }

    @Test
    void allThirtyOneBuiltInActivationsAreCovered() {
        assertEquals(31, Networks.plain().plugins().activations().names().size(),
                Networks.plain().plugins().activations().names().toString());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("activations")
    void denseLayerWithTheActivationMatchesOnnxRuntime(String activation, DType dtype) throws Exception {
        // exp(exp(z)) overflows: the exponential is tested once per network.
        Network network = Networks.build(Networks.plain(), 5, dtype, 11, builder -> activation.equals("exponential")
                ? builder.dense(7, activation) : builder.dense(7, activation).layer("activation(function=" + activation + ")"));
        assertMatches(network, dtype, 13);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("activations")
    void parametrisedFormsMatchOnnxRuntime(String activation, DType dtype) throws Exception {
        String spec = switch (activation) {
            case "leaky_relu" -> "leaky_relu(alpha=0.3)";
            case "elu" -> "elu(alpha=0.7)";
            case "celu" -> "celu(alpha=2.5)";
            case "softplus" -> "softplus(beta=2, threshold=3)";
            case "silu" -> "silu(beta=1.7)";
            case "hard_tanh" -> "hard_tanh(min=-0.5, max=2)";
            case "hard_shrink" -> "hard_shrink(lambda=1.2)";
            case "soft_shrink" -> "soft_shrink(lambda=0.8)";
            case "thresholded_relu" -> "thresholded_relu(theta=0.4)";
            case "rrelu" -> "rrelu(lower=0.05, upper=0.6)";
            case "prelu" -> "prelu(init=0.1)";
            default -> activation;
        };
        Network network = Networks.build(Networks.plain(), 3, dtype, 17, builder -> builder.dense(4, spec));
        assertMatches(network, dtype, 19);
    }

    static void assertMatches(Network network, DType dtype, long seed) throws Exception {
        double[][] rows = Networks.in(dtype, Networks.rows(64, network.inputs(), seed));
        byte[] model = new OnnxExporter().encode(network, ExportOptions.none());
        double[][] expected = network.predict(rows);
        double[][] actual = OnnxRuntime.run(model, rows, dtype);
        double difference = Networks.difference(expected, actual);
        assertTrue(difference <= Networks.tolerance(dtype), network.layers() + " in " + dtype + ": ONNX Runtime differs from Chainrule by " + difference);
    }
}
