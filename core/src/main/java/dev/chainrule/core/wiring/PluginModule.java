package dev.chainrule.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.function.Supplier;

/**
 * Provides the {@link Plugins}, once: those discovered on the context class loader, or those the application
 * discovered itself (from its own class loader, with verification).
 */
public final class PluginModule extends AbstractModule {

    private final Supplier<Plugins> plugins;

    /** The plugins discovered on the context class loader when first needed. */
    public PluginModule() {
        this(() -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return Plugins.discover(loader != null ? loader : PluginModule.class.getClassLoader());
        });
    }

    /** The given plugins. */
    public PluginModule(Plugins plugins) {
        this(() -> plugins);
    }

    private PluginModule(Supplier<Plugins> plugins) {
        this.plugins = plugins;
    }

    @Provides
    @Singleton
    Plugins plugins() {
        return plugins.get();
    }
}
