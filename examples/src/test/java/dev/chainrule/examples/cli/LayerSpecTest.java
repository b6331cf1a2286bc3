package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSpecTest {

    @Test
    void parsesUnitsAndActivationSpecsWithParameters() {
        assertEquals(List.of("dense(units=256, activation=tanh)", "dense(units=64, activation=leaky_relu(alpha=0.2, "
                + "beta=1))", "dense(units=8, activation=relu)"),
                specs("256:tanh, 64:leaky_relu(alpha=0.2, beta=1),8:relu"));
        assertEquals(List.of(), LayerSpec.parseList(""));
    }

    @Test
    void mixesDenseShortFormsWithAnyLayerSpec() {
        assertEquals(List.of("dense(units=256, activation=relu)", "batch_norm", "dropout(0.2)",
                "dense(units=128, activation=relu, init=orthogonal(gain=2))", "dense(units=4)"),
                specs("256:relu,batch_norm,dropout(0.2),128:relu:init=orthogonal(gain=2),dense(units=4)"));
        assertEquals("128:relu:init=orthogonal(gain=2)",
                LayerSpec.parseList("128:relu:init=orthogonal(gain=2)").get(0).toString());
    }

    @Test
    void anyLayerSpecTakesItsActivationAfterAColon() {
        assertEquals(List.of("conv2d(32, 3, padding=same, activation=relu)", "max_pool2d(2)",
                "conv2d(filters=8, kernel=1, activation=leaky_relu(alpha=0.1), init=orthogonal)"),
                specs("conv2d(32,3,padding=same):relu,max_pool2d(2),conv2d(filters=8, kernel=1):leaky_relu(alpha=0.1)"
                        + ":init=orthogonal"));
    }

    @Test
    void denseOptionsAreInitializersOnly() {
        assertTrue(message("8:relu:units=3").contains("'units=3' is not init=SPEC or bias_init=SPEC"));
        assertTrue(message("8:relu:init=Bad").contains("not a valid plugin name"));
    }

    private static List<String> specs(String text) {
        return LayerSpec.parseList(text).stream().map(layer -> layer.spec().toString()).toList();
    }

    @Test
    void malformedLayersSayWhatIsWrong() {
        assertTrue(message("64").contains("it has no ':'"));
        assertTrue(message("3x:relu").contains("'3x' is not a whole number of units"));
        assertTrue(message("-3:relu").contains("not positive"));
        assertTrue(message("3:relu(").contains("malformed plugin spec"));
        assertTrue(message("3:Relu").contains("not a valid plugin name"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> LayerSpec.parseList(text)).getMessage();
    }
}
