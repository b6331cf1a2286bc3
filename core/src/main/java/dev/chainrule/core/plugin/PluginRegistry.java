package dev.chainrule.core.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one kind (activations, losses, ...) found by {@link ServiceLoader}, looked up by spec.
 *
 * <p>Every outcome is loud: two plugins claiming one name is an error naming both classes and where they came from;
 * an unknown name lists the known ones and the nearest; a provider that cannot be loaded (a missing class, a
 * constructor that throws) is logged with its class and jar and skipped, and the others still load
 * ({@link #failures()}).
 *
 * @param <T> the plugin kind
 */
public final class PluginRegistry<T extends Plugin> {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Class<T> kind;
    private final Map<String, PluginEntry<T>> byName;
    private final Map<String, PluginEntry<T>> byCanonicalName;
    private final List<String> failures;
    private final Map<String, String> refused;

    private PluginRegistry(Class<T> kind, List<T> plugins, List<String> failures, Map<String, String> refused) {
        this.kind = kind;
        this.failures = List.copyOf(failures);
        this.refused = Map.copyOf(refused);
        Map<String, PluginEntry<T>> names = new TreeMap<>();
        Map<String, PluginEntry<T>> canonical = new TreeMap<>();
        for (T plugin : plugins) {
            PluginEntry<T> entry = new PluginEntry<>(plugin);
            register(names, plugin.name(), entry);
            canonical.put(plugin.name(), entry);
            for (String alias : plugin.aliases()) {
                register(names, alias, entry);
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byCanonicalName = Collections.unmodifiableMap(canonical);
    }

    /** Discovers every plugin of {@code kind} visible to {@code classLoader}. */
    public static <T extends Plugin> PluginRegistry<T> discover(Class<T> kind, ClassLoader classLoader) {
        return discover(kind, classLoader, plugin -> Optional.empty());
    }

    /**
     * Discovers every plugin of {@code kind} visible to {@code classLoader} and registers the ones that
     * {@code admission} has no objection to. A refused plugin is logged and listed among the {@link #failures()},
     * and looking up its name says why it was refused.
     *
     * @param admission the reason to refuse a loaded plugin, or empty to register it
     */
    public static <T extends Plugin> PluginRegistry<T> discover(Class<T> kind, ClassLoader classLoader,
            Function<? super T, Optional<String>> admission) {
        ProviderLoader.Result<T> found = ProviderLoader.load(kind, classLoader, admission);
        PluginRegistry<T> registry = new PluginRegistry<>(kind, found.plugins(), found.failures(), found.refused());
        LOG.debug("{} {}s discovered: {}", registry.byCanonicalName.size(), kind.getSimpleName(), registry.names());
        return registry;
    }

    /** A registry of exactly the given plugins; for tests and applications that assemble their own set. */
    public static <T extends Plugin> PluginRegistry<T> of(Class<T> kind, List<T> plugins) {
        return new PluginRegistry<>(kind, plugins, List.of(), Map.of());
    }

    private void register(Map<String, PluginEntry<T>> names, String name, PluginEntry<T> entry) {
        Spec.of(name); // validates the name's form
        PluginEntry<T> previous = names.putIfAbsent(name, entry);
        if (previous != null) {
            throw new IllegalStateException("two " + kind.getSimpleName() + " plugins claim the name '" + name + "': "
                    + previous.describe() + " and " + entry.describe() + "; remove one of them from the class path");
        }
    }

    /** The configured plugin that {@code spec} names, for example {@code leaky_relu(alpha=0.2)}. */
    public T create(String spec) {
        return create(Spec.parse(spec));
    }

    /** The configured plugin that {@code spec} names. */
    public T create(Spec spec) {
        PluginEntry<T> entry = entry(spec.name());
        Arguments arguments = new Arguments(new Spec(entry.plugin().name(), spec.arguments()), this::create);
        Plugin configured = entry.plugin().configure(arguments);
        if (!arguments.unread().isEmpty()) {
            Map<String, String> known = arguments.parameterDefaults();
            throw new IllegalArgumentException(kindLabel() + " '" + entry.plugin().name()
                    + "' has no parameter " + String.join(", ", arguments.unread())
                    + (known.isEmpty() ? "; it takes no parameters" : "; its parameters are " + known));
        }
        return kind.cast(configured);
    }

    /** The discovered entry for a name or alias; an unknown name lists the valid ones and the nearest. */
    public PluginEntry<T> entry(String name) {
        PluginEntry<T> entry = byName.get(name);
        if (entry == null && refused.containsKey(name)) {
            throw new IllegalArgumentException(kindLabel() + " '" + name + "' is on the class path but was not "
                    + "registered: " + refused.get(name));
        }
        if (entry == null) {
            throw new IllegalArgumentException("unknown " + kindLabel() + " '" + name + "'"
                    + NearestName.suggestion(name, byName.keySet()) + "; valid names: "
                    + String.join(", ", byName.keySet()));
        }
        return entry;
    }

    /** The entry with this name or alias, if any. */
    public Optional<PluginEntry<T>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Canonical names, sorted. */
    public List<String> names() {
        return List.copyOf(byCanonicalName.keySet());
    }

    /** One entry per plugin (aliases not repeated), sorted by name. */
    public List<PluginEntry<T>> entries() {
        return List.copyOf(byCanonicalName.values());
    }

    /**
     * Providers that were found but could not be loaded, or were refused, each with its class, the jar or folder it
     * came from and the reason.
     */
    public List<String> failures() {
        return failures;
    }

    private String kindLabel() {
        return ProviderLoader.label(kind);
    }

    /** The plugin kind. */
    public Class<T> kind() {
        return kind;
    }
}
