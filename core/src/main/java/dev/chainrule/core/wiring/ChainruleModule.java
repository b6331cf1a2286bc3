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

    /** Wiring with the backend named by {@code backend}, or chosen by property, environment and priority. */
    public ChainruleModule(Optional<String> backend) {
        this.backend = backend;
    }

    @Override
    protected void configure() {
        install(new PluginModule());
        install(new BackendModule(backend));
    }
}
