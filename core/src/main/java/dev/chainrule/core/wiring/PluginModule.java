package dev.chainrule.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chainrule.core.plugin.Plugins;

/** Provides the {@link Plugins} discovered on the context class loader, once. */
public final class PluginModule extends AbstractModule {

    @Provides
    @Singleton
    Plugins plugins() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return Plugins.discover(loader != null ? loader : PluginModule.class.getClassLoader());
    }
}
