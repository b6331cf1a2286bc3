package dev.chainrule.core.wiring;

import com.google.inject.AbstractModule;
import java.util.Optional;

/**
 * The composition root: plugins discovered on the class path and the chosen backend. The trainer and
 * {@link dev.chainrule.core.Chainrule} are injected by their constructors.
 *
 * <pre>{@code
 * Chainrule chainrule = Guice.createInjector(new ChainruleModule(Optional.of("plain")))
 *         .getInstance(Chainrule.class);
 * }</pre>
 */
public final class ChainruleModule extends AbstractModule {

    private final Optional<String> backend;
    private final PluginModule plugins;

    /** Wiring with the backend named by {@code backend}, or chosen by property, environment and priority. */
    public ChainruleModule(Optional<String> backend) {
        this(backend, new PluginModule());
    }

    /** Wiring with plugins that the application discovered itself, and the backend chosen among them. */
    public ChainruleModule(Optional<String> backend, Plugins plugins) {
        this(backend, new PluginModule(plugins));
    }

    private ChainruleModule(Optional<String> backend, PluginModule plugins) {
        this.backend = backend;
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        install(plugins);
        install(new BackendModule(backend));
    }
}
