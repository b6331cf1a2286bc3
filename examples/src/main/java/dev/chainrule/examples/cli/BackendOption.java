package dev.chainrule.examples.cli;

import com.google.inject.ProvisionException;
import dev.chainrule.core.Chainrule;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --backend} option and the plugin options, shared by the commands that compute. */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Tensor backend. Default: the system property chainrule.backend, the environment variable "
                    + "CHAINRULE_BACKEND, else the available backend with the highest priority ('chainrule plugins' "
                    + "lists them).")
    String backend;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    /**
     * Chainrule with the discovered plugins on the chosen backend; an unknown backend is a usage error, one that
     * cannot start a failure.
     */
    Chainrule chainrule() {
        try {
            return Chainrule.create(plugins.discover(), Optional.ofNullable(backend));
        } catch (ProvisionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IllegalArgumentException) {
                throw new UsageException(cause.getMessage());
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
