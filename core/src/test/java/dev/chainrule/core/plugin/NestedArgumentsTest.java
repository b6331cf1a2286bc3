package dev.chainrule.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values with brackets: nested specs ({@code then=scale(factor=3)}) and lists ({@code at=[30, 80]}). */
class NestedArgumentsTest {

    private static final PluginRegistry<Plugin> REGISTRY = PluginRegistry.of(Plugin.class,
            List.of(new FakePlugin("scale"), new Wrapper()));

    @Test
    void parsesNestedSpecsAndListsAsOneValue() {
        Spec spec = Spec.parse("wrap(inner=scale(factor=3, other=[1, 2]), at=[30, 80])");
        assertEquals(Map.of("inner", "scale(factor=3, other=[1, 2])", "at", "[30, 80]"), spec.arguments());
        assertEquals("wrap(inner=scale(factor=3, other=[1, 2]), at=[30, 80])", spec.toString());
        assertEquals(spec, Spec.parse(spec.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrap(inner=scale(factor=3)", "wrap(at=[1, 2)", "wrap(at=1])", "wrap(inner=scale(factor=3]))"})
    void unbalancedBracketsAreClearErrors(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Spec.parse(text));
        assertTrue(error.getMessage().contains("malformed plugin spec"), error.getMessage());
    }

    @Test
    void theRegistryCreatesNestedPluginsAndResolvesThemCanonically() {
        Wrapper wrapper = (Wrapper) REGISTRY.create("wrap(inner=scale(factor=3), at=[30, 80])");
        assertEquals(3, ((FakePlugin) wrapper.inner).factor());
        assertEquals(List.of(30, 80), wrapper.at);
        assertEquals("wrap(inner=scale(factor=3.0), at=[30, 80])", wrapper.spec().toString());
        Wrapper again = (Wrapper) REGISTRY.create(wrapper.spec().toString());
        assertEquals(wrapper.spec(), again.spec());
    }

    @Test
    void defaultsAreTheDefaultInstanceAndList() {
        Wrapper wrapper = (Wrapper) REGISTRY.create("wrap");
        assertSame(Wrapper.DEFAULT_INNER, wrapper.inner);
        assertEquals(List.of(10), wrapper.at);
        assertEquals(Map.of("inner", "scale(factor=2.0)", "at", "[10]"), REGISTRY.entry("wrap").parameterDefaults());
        assertEquals(List.of(7), ((Wrapper) REGISTRY.create("wrap(at=7)")).at);
        assertEquals(List.of(), ((Wrapper) REGISTRY.create("wrap(at=[])")).at);
    }

    @Test
    void badNestedValuesNameTheParameter() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create("wrap(inner=sclae)"));
        assertTrue(unknown.getMessage().contains("parameter inner") && unknown.getMessage().contains("did you mean 'scale'"),
                unknown.getMessage());
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create("wrap(at=[1, x])"));
        assertEquals("wrap: parameter at must be a list of whole numbers such as [30, 80], got [1, x]", list.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create("wrap(at=[1, -2])"));
        assertEquals("wrap: parameter at must hold numbers >= 0, got [1, -2]", small.getMessage());
    }

    @Test
    void nestedSpecsNeedARegistry() {
        Arguments arguments = new Arguments(Spec.parse("wrap(inner=scale)"));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> arguments.plugin("inner", Plugin.class, Wrapper.DEFAULT_INNER));
        assertTrue(error.getMessage().contains("PluginRegistry.create"), error.getMessage());
    }

    /** {@code wrap(inner=<plugin>, at=[...])}. */
    static final class Wrapper implements Plugin {
        static final Plugin DEFAULT_INNER = new FakePlugin("scale");

        final Plugin inner;
        final List<Integer> at;
        private final Spec spec;

        Wrapper() {
            this(Arguments.defaults("wrap"));
        }

        private Wrapper(Arguments arguments) {
            this.inner = arguments.plugin("inner", Plugin.class, DEFAULT_INNER);
            this.at = arguments.integers("at", List.of(10), 0);
            this.spec = arguments.resolvedSpec();
        }

        @Override
        public String name() {
            return "wrap";
        }

        @Override
        public Plugin configure(Arguments arguments) {
            return new Wrapper(arguments);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }
}
