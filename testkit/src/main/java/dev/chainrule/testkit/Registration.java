package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.plugin.Spec;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks that every kind of plugin shares: the name rules, registration through {@code META-INF/services}, and
 * the spec round trip through the registry that discovery builds from the plugin's own class loader.
 */
final class Registration {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private Registration() {
    }

    /** The registry of {@code kind} that discovery builds where {@code plugin} was loaded. */
    static <T extends Plugin> PluginRegistry<T> registry(Class<T> kind, Plugin plugin) {
        return PluginRegistry.discover(kind, loader(plugin));
    }

    /**
     * Names are lower snake case and stable: the spec carries the name, aliases follow the same form, and discovery
     * finds the plugin under its name (and each alias) as an instance of the same public class with a public
     * no-argument constructor.
     */
    static <T extends Plugin> void followsTheNameRules(Class<T> kind, T plugin) {
        String label = kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        String name = plugin.name();
        assertTrue(name != null && NAME.matcher(name).matches(), () -> "the " + label + " name '" + name
                + "' is not lower snake case with a letter first, as leaky_relu is");
        assertEquals(name, plugin.spec().name(), () -> name + ": the spec must carry the name");
        for (String alias : plugin.aliases()) {
            assertTrue(NAME.matcher(alias).matches(), () -> name + ": the alias '" + alias + "' is not lower snake case");
            assertNotEquals(name, alias, () -> name + ": an alias repeats the name");
        }
        PluginRegistry<T> registry = registry(kind, plugin);
        Optional<PluginEntry<T>> entry = registry.find(name);
        if (entry.isEmpty()) {
            fail(kind.getSimpleName() + " '" + name + "' (" + plugin.getClass().getName() + ") is not registered: "
                    + "annotate it with @AutoService(" + kind.getSimpleName() + ".class), or list it in "
                    + "META-INF/services/" + kind.getName() + (registry.failures().isEmpty() ? ""
                    : "; providers that failed to load: " + registry.failures()));
        }
        Class<?> discovered = entry.get().plugin().getClass();
        assertTrue(Modifier.isPublic(discovered.getModifiers()), () -> discovered.getName() + " must be public");
        try {
            assertTrue(Modifier.isPublic(discovered.getConstructor().getModifiers()));
        } catch (NoSuchMethodException e) {
            fail(discovered.getName() + " needs a public no-argument constructor, for discovery");
        }
        assertSame(plugin.getClass(), registry.create(name).getClass(),
                () -> "the registry's '" + name + "' is a " + registry.create(name).getClass().getName());
        for (String alias : plugin.aliases()) {
            assertSame(entry.get(), registry.entry(alias), () -> name + ": the alias '" + alias + "' finds "
                    + registry.entry(alias).plugin().getClass().getName());
        }
    }

    /** The spec's text parses back to itself and recreates, through the registry, an instance with the same spec. */
    static <T extends Plugin> T specRoundTrips(Class<T> kind, T plugin) {
        Spec spec = plugin.spec();
        String text = spec.toString();
        assertEquals(spec, Spec.parse(text), () -> "the spec '" + text + "' does not parse back to itself");
        T recreated = registry(kind, plugin).create(text);
        assertEquals(spec, recreated.spec(), () -> "'" + text + "' recreates " + recreated.spec());
        return recreated;
    }

    private static ClassLoader loader(Plugin plugin) {
        ClassLoader loader = plugin.getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
