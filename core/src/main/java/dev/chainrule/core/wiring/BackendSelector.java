package dev.chainrule.core.wiring;

import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the tensor backend. Strongest first: the name given to the API or command line, the system property
 * {@value #PROPERTY}, the environment variable {@value #ENVIRONMENT}, else the available backend with the highest
 * priority. A backend that is present but cannot start is skipped with a logged reason; naming it explicitly is an
 * error that says why. The automatic choice logs every candidate's priority and the reason it gives for it.
 */
public final class BackendSelector {

    /** The system property that names the backend. */
    public static final String PROPERTY = "chainrule.backend";
    /** The environment variable that names the backend. */
    public static final String ENVIRONMENT = "CHAINRULE_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);

    private final PluginRegistry<TensorBackend> backends;
    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    /**
     * A selector over {@code backends} that reads the given property and environment lookups (both return null for
     * an absent name).
     */
    public BackendSelector(PluginRegistry<TensorBackend> backends, UnaryOperator<String> systemProperties,
            UnaryOperator<String> environment) {
        this.backends = backends;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** A selector that reads this JVM's system properties and environment. */
    public static BackendSelector fromEnvironment(PluginRegistry<TensorBackend> backends) {
        return new BackendSelector(backends, System::getProperty, System::getenv);
    }

    /** The chosen backend; {@code requested} is the API's or command line's choice, if any. */
    public TensorBackend select(Optional<String> requested) {
        Optional<String> source = Optional.empty();
        Optional<String> name = requested.filter(value -> !value.isBlank());
        if (name.isPresent()) {
            source = Optional.of("the caller");
        } else if (present(systemProperties.apply(PROPERTY))) {
            name = Optional.of(systemProperties.apply(PROPERTY).trim());
            source = Optional.of("the system property " + PROPERTY);
        } else if (present(environment.apply(ENVIRONMENT))) {
            name = Optional.of(environment.apply(ENVIRONMENT).trim());
            source = Optional.of("the environment variable " + ENVIRONMENT);
        }
        if (name.isPresent()) {
            return explicit(name.get(), source.get());
        }
        return automatic();
    }

    private TensorBackend explicit(String name, String source) {
        if (backends.find(name).isEmpty()) {
            throw new IllegalArgumentException("backend '" + name + "' was requested by " + source
                    + " but is not on the class path; available backends: " + describeAll());
        }
        TensorBackend backend = backends.entry(name).plugin();
        BackendAvailability availability = backend.availability();
        if (!availability.usable()) {
            throw new IllegalStateException("backend '" + name + "' was requested by " + source
                    + " but cannot start: " + availability.reason());
        }
        LOG.info("using backend {} (requested by {})", backend.name(), source);
        return backend;
    }

    private TensorBackend automatic() {
        List<TensorBackend> ranked = new ArrayList<>(backends.entries().stream().map(PluginEntry::plugin).toList());
        if (ranked.isEmpty()) {
            throw new IllegalStateException("no tensor backend is on the class path; add chainrule-backend-plain "
                    + "(pure Java) or chainrule-backend-nd4j");
        }
        ranked.sort(Comparator.comparingInt(TensorBackend::priority).reversed().thenComparing(TensorBackend::name));
        List<String> skipped = new ArrayList<>();
        for (TensorBackend backend : ranked) {
            BackendAvailability availability = backend.availability();
            if (availability.usable()) {
                LOG.info("using backend {} (highest priority available; {}{})", backend.name(), ranking(ranked),
                        skipped.isEmpty() ? "" : "; skipped " + String.join("; ", skipped));
                return backend;
            }
            LOG.warn("backend {} cannot start and is skipped: {}", backend.name(), availability.reason());
            skipped.add(backend.name() + ": " + availability.reason());
        }
        throw new IllegalStateException("no tensor backend can start: " + String.join("; ", skipped));
    }

    /** Each backend with its priority and the reason it gives, highest first. */
    static String ranking(List<TensorBackend> ranked) {
        List<String> entries = new ArrayList<>();
        for (TensorBackend backend : ranked) {
            String reason = backend.priorityReason();
            entries.add(backend.name() + " " + backend.priority() + (reason == null || reason.isBlank() ? ""
                    : ": " + reason));
        }
        return "priorities " + String.join(", ", entries);
    }

    private String describeAll() {
        List<String> names = backends.names();
        return names.isEmpty() ? "none (add chainrule-backend-plain)" : String.join(", ", names);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
