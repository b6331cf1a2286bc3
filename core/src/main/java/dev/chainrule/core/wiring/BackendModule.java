package dev.chainrule.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Optional;

/**
 * Provides the one {@link TensorBackend} that {@link BackendSelector} chooses. Nothing is loaded while Guice
 * configures; the backend is chosen when first needed.
 */
public final class BackendModule extends AbstractModule {

    private final Optional<String> requested;

    /** A module that lets {@link BackendSelector} choose, with {@code requested} as the caller's choice if present. */
    public BackendModule(Optional<String> requested) {
        this.requested = requested;
    }

    @Provides
    @Singleton
    TensorBackend backend(Plugins plugins) {
        return BackendSelector.fromEnvironment(plugins.backends()).select(requested);
    }
}
