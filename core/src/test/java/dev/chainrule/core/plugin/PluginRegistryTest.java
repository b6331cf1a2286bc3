package dev.chainrule.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    private final PluginRegistry<Plugin> registry = PluginRegistry.of(Plugin.class,
            List.of(new FakePlugin("scale"), new FakePlugin("relu"), new FakePlugin("silu", "swish")));

    @Test
    void createsAConfiguredInstanceFromASpec() {
        FakePlugin plugin = (FakePlugin) registry.create("scale(factor=0.5)");
        assertEquals(0.5, plugin.factor());
        assertEquals("scale(factor=0.5)", plugin.spec().toString());
    }

    @Test
    void theDefaultSpecListsEveryParameterWithItsValue() {
        assertEquals("scale(factor=2.0)", registry.create("scale").spec().toString());
        assertEquals(Map.of("factor", "2.0"), registry.entry("scale").parameterDefaults());
    }

    @Test
    void aliasesFindTheSamePluginAndAreNotListedAsNames() {
        assertSame(registry.entry("silu"), registry.entry("swish"));
        assertEquals(List.of("relu", "scale", "silu"), registry.names());
        assertEquals("silu", registry.create("swish").spec().name());
    }

    @Test
    void anUnknownNameListsTheValidNamesAndTheNearest() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> registry.create("rleu"));
        assertTrue(error.getMessage().contains("unknown plugin 'rleu'"), error.getMessage());
        assertTrue(error.getMessage().contains("did you mean 'relu'?"), error.getMessage());
        assertTrue(error.getMessage().contains("valid names: relu, scale, silu, swish"), error.getMessage());
    }

    @Test
    void anUnknownParameterListsTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.create("scale(factr=3)"));
        assertEquals("plugin 'scale' has no parameter factr; its parameters are {factor=2.0}", error.getMessage());
    }

    @Test
    void anInvalidValueSaysWhatIsAllowed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.create("scale(factor=-1)"));
        assertEquals("scale: parameter factor must be > 0, got -1", error.getMessage());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> registry.create("scale(factor=big)"));
        assertEquals("scale: parameter factor must be a number, got big", notANumber.getMessage());
    }

    @Test
    void aDuplicateNameNamesBothClassesAndTheirOrigins() {
        class Other extends FakePlugin {
            Other() {
                super("relu");
            }
        }
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PluginRegistry.of(Plugin.class, List.of(new FakePlugin("relu"), new Other())));
        String message = error.getMessage();
        assertTrue(message.contains("two plugin plugins claim the name 'relu'")
                || message.contains("claim the name 'relu'"), message);
        assertTrue(message.contains(FakePlugin.class.getName() + " (from "), message);
        assertTrue(message.contains(Other.class.getName() + " (from "), message);
    }

    @Test
    void anAliasCollidingWithANameIsADuplicate() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> PluginRegistry.of(Plugin.class,
                List.of(new FakePlugin("swish"), new FakePlugin("silu", "swish"))));
        assertTrue(error.getMessage().contains("'swish'"), error.getMessage());
    }

    @Test
    void nearestNameUsesEditDistance() {
        assertEquals(0, NearestName.distance("relu", "relu"));
        assertEquals(2, NearestName.distance("rleu", "relu"));
        assertEquals(3, NearestName.distance("", "abc"));
        assertEquals("; did you mean 'sigmoid'?", NearestName.suggestion("sigmod", List.of("tanh", "sigmoid")));
    }
}
