package dev.chainrule.core.plugin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ServiceLoader} for one kind and keeps going past every provider that fails: a class that is missing or
 * not a subtype, a constructor that throws, a missing dependency. Each failure is logged and kept with the provider's
 * class and the jar that named it; a loaded plugin that the admission check refuses is kept the same way.
 */
final class ProviderLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    /**
     * What discovery found.
     *
     * @param plugins  the plugins that loaded and were admitted, in discovery order
     * @param failures one line per provider that failed or was refused: class, origin and reason
     * @param refused  the refused plugins' names, each with its reason
     */
    record Result<T>(List<T> plugins, List<String> failures, Map<String, String> refused) {
    }

    private ProviderLoader() {
    }

    static <T extends Plugin> Result<T> load(Class<T> kind, ClassLoader classLoader,
            Function<? super T, Optional<String>> admission) {
        Map<String, String> named = ServiceFiles.providers(kind, classLoader);
        List<T> plugins = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Iterator<ServiceLoader.Provider<T>> providers = ServiceLoader.load(kind, classLoader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                String message = rootMessage(e);
                fail(kind, failures, ServiceFiles.describe(message, named) + ": " + message);
                continue;
            }
            String source = provider.type().getName() + " from " + PluginEntry.origin(provider.type());
            T plugin;
            try {
                plugin = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                fail(kind, failures, source + ": " + rootMessage(e));
                continue;
            }
            Optional<String> badName = badName(plugin);
            if (badName.isPresent()) {
                fail(kind, failures, source + ": " + badName.get());
                continue;
            }
            Optional<String> refusal = admission.apply(plugin);
            if (refusal.isPresent()) {
                String reason = "refused " + label(kind) + " '" + plugin.name() + "': " + refusal.get();
                refused.put(plugin.name(), reason);
                failures.add(source + ": " + reason);
                LOG.warn("{} {}", source, reason);
                continue;
            }
            plugins.add(plugin);
        }
        return new Result<>(plugins, failures, refused);
    }

    /** Why a plugin's {@code name()} cannot be used: it throws, or returns null or a blank. */
    private static Optional<String> badName(Plugin plugin) {
        String name;
        try {
            name = plugin.name();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("its name() threw " + rootMessage(e));
        }
        if (name == null || name.isBlank()) {
            return Optional.of("its name() returned " + (name == null ? "null" : "'" + name + "'")
                    + "; a plugin needs a lower snake case name");
        }
        return Optional.empty();
    }

    static String label(Class<?> kind) {
        return kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static void fail(Class<?> kind, List<String> failures, String failure) {
        failures.add(failure);
        LOG.warn("skipped the {} provider {}", kind.getSimpleName(), failure);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? (e instanceof ServiceConfigurationError ? e.getMessage() : e.toString())
                : e.getMessage() + " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
}
