package dev.chainrule.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpecTest {

    @Test
    void parsesANameWithoutArguments() {
        assertEquals(new Spec("relu", Map.of()), Spec.parse("relu"));
        assertEquals(new Spec("relu", Map.of()), Spec.parse("  relu () "));
    }

    @Test
    void parsesArgumentsInOrder() {
        Spec spec = Spec.parse("sgd(lr=0.1, momentum = 0.9,nesterov=true)");
        assertEquals("sgd", spec.name());
        assertEquals(Map.of("lr", "0.1", "momentum", "0.9", "nesterov", "true"), spec.arguments());
        assertEquals("sgd(lr=0.1, momentum=0.9, nesterov=true)", spec.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky_relu(alpha=0.2)", "adam(lr=0.001, beta1=0.9, amsgrad=false)"})
    void canonicalFormRoundTrips(String text) {
        assertEquals(text, Spec.parse(text).toString());
        assertEquals(Spec.parse(text), Spec.parse(Spec.parse(text).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Relu", "relu(", "relu(alpha)", "relu(alpha=)", "relu(alpha=1,)", "relu(a=1 b=2)",
            "relu)", "relu(a=1, a=2)", "1relu"})
    void malformedSpecsAreClearErrors(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Spec.parse(text));
        assertTrue(error.getMessage().contains("relu") || error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void malformedSpecPointsAtTheProblem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Spec.parse("leaky_relu(alpha 0.2)"));
        assertTrue(error.getMessage().contains("expected '='"), error.getMessage());
        assertTrue(error.getMessage().contains("position 17"), error.getMessage());
    }

    @Test
    void withAddsOrReplacesAnArgument() {
        assertEquals("leaky_relu(alpha=0.3)", Spec.of("leaky_relu").with("alpha", 0.2).with("alpha", 0.3).toString());
    }
}
