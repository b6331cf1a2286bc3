package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSpecTest {

    @Test
    void parsesUnitsAndActivationSpecsWithParameters() {
        assertEquals(List.of(new LayerSpec(256, "tanh"), new LayerSpec(64, "leaky_relu(alpha=0.2, beta=1)"),
                new LayerSpec(8, "relu")), LayerSpec.parseList("256:tanh, 64:leaky_relu(alpha=0.2, beta=1),8:relu"));
        assertEquals(List.of(), LayerSpec.parseList(""));
    }

    @Test
    void malformedLayersSayWhatIsWrong() {
        assertTrue(message("64").contains("it has no ':'"));
        assertTrue(message("x:relu").contains("'x' is not a whole number of units"));
        assertTrue(message("-3:relu").contains("not positive"));
        assertTrue(message("3:relu(").contains("malformed plugin spec"));
        assertTrue(message("3:Relu").contains("not a valid plugin name"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> LayerSpec.parseList(text)).getMessage();
    }
}
