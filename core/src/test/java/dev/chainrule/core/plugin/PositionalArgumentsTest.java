package dev.chainrule.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values given without a name ({@code dropout(0.2)}), required parameters and parameters that name other plugins. */
class PositionalArgumentsTest {

    @Test
    void aValueWithoutANameGoesToTheParameterReadInItsPosition() {
        Spec spec = Spec.parse("dropout(0.2)");
        assertEquals(Map.of(Spec.positionalKey(0), "0.2"), spec.arguments());
        assertEquals("dropout(0.2)", spec.toString());
        Arguments arguments = new Arguments(Spec.parse("scaled(0.5, [1, 2], gain=3)"));
        assertEquals(0.5, arguments.number("rate", 1));
        assertEquals(java.util.List.of(1, 2), arguments.integers("sizes", java.util.List.of(), 0));
        assertEquals(3, arguments.number("gain", 1));
        assertEquals(Set.of(), arguments.unread());
        assertEquals("scaled(rate=0.5, sizes=[1, 2], gain=3.0)", arguments.resolvedSpec().toString());
    }

    @Test
    void positionalValuesAreCheckedLikeNamedOnes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spec.parse("dropout(rate=0.2, 0.3)"))
                .getMessage().contains("a value without a name must come before the named ones"));
        Arguments twice = new Arguments(Spec.parse("dropout(0.2, rate=0.3)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> twice.number("rate", 0.5)).getMessage()
                .contains("rate and the value number 1 without a name name the same parameter"));
        Arguments extra = new Arguments(Spec.parse("dropout(0.2, 0.3)"));
        extra.number("rate", 0.5);
        assertEquals(Set.of("the value number 2 without a name"), extra.unread());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spec.parse("relu(alpha)")).getMessage()
                .contains("expected '='"));
    }

    @Test
    void aRequiredParameterIsListedAsSuchAndLeftOutWhenAbsent() {
        Arguments absent = new Arguments(Spec.of("dense"));
        assertEquals(OptionalInt.empty(), absent.requiredInteger("units", 1));
        assertEquals(Map.of("units", "required"), absent.parameterDefaults());
        assertEquals("dense", absent.resolvedSpec().toString());
        assertEquals(OptionalInt.of(64), new Arguments(Spec.parse("dense(units=64)")).requiredInteger("units", 1));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Arguments(Spec.parse("dense(units=0)")).requiredInteger("units", 1)).getMessage()
                .contains("dense: parameter units must be >= 1, got 0"));
    }

    @Test
    void aParameterMayNameAPluginOfAnotherKindBySpec() {
        Arguments arguments = new Arguments(Spec.parse("dense(activation=leaky_relu(alpha=0.2))"));
        assertEquals(Spec.parse("leaky_relu(alpha=0.2)"), arguments.spec("activation", "identity"));
        assertEquals(Optional.empty(), arguments.optionalSpec("init", "the activation's recommendation"));
        assertEquals("dense(activation=leaky_relu(alpha=0.2))", arguments.resolvedSpec().toString());
        assertEquals("(the activation's recommendation)", arguments.parameterDefaults().get("init"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Arguments(Spec.parse("dense(init=Bad)")).optionalSpec("init", "x")).getMessage()
                .contains("dense: parameter init must be a plugin spec"));
    }
}
