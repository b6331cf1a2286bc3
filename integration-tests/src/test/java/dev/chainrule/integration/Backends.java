package dev.chainrule.integration;

import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every backend on the test class path that can start here, so that each contract test runs on all of them. A new
 * backend module on the class path is tested by being there.
 */
public final class Backends {

    private static final List<TensorBackend> USABLE = PluginRegistry
            .discover(TensorBackend.class, Backends.class.getClassLoader())
            .entries().stream().map(PluginEntry::plugin)
            .filter(backend -> backend.availability().usable())
            .toList();

    private Backends() {
    }

    /** The usable backends. */
    public static List<TensorBackend> all() {
        if (USABLE.isEmpty()) {
            throw new IllegalStateException("no usable tensor backend on the test class path");
        }
        return USABLE;
    }

    /** Every usable backend. */
    public static Stream<TensorBackend> backends() {
        return all().stream();
    }

    /** Every usable backend with each dtype. */
    public static Stream<Arguments> backendsAndDTypes() {
        return all().stream().flatMap(backend -> Stream.of(DType.values()).map(dtype -> Arguments.of(backend, dtype)));
    }

    /** The plain backend, the reference. */
    public static TensorBackend reference() {
        return all().stream().filter(backend -> backend.name().equals("plain")).findFirst().orElseThrow();
    }
}
