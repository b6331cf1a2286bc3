package dev.chainrule.testkit;

import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every tensor backend on the test class path that can start here: the contracts run on each of them, so a plugin is
 * tested on a new backend by adding that backend as a test dependency. The reference backend, {@code plain}, is
 * always there (the test kit depends on it).
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
 * void myCheck(TensorBackend backend, DType dtype) { ... }
 * }</pre>
 */
public final class Backends {

    /** The name of the reference backend. */
    public static final String REFERENCE = "plain";

    private static final List<TensorBackend> USABLE = PluginRegistry
            .discover(TensorBackend.class, Backends.class.getClassLoader())
            .entries().stream().map(PluginEntry::plugin)
            .filter(backend -> backend.availability().usable())
            .toList();

    private Backends() {
    }

    /** The usable backends, sorted by name. */
    public static List<TensorBackend> all() {
        if (USABLE.isEmpty()) {
            throw new IllegalStateException("no usable tensor backend on the test class path; add "
                    + "chainrule-backend-plain");
        }
        return USABLE;
    }

    /** Every usable backend. */
    public static Stream<TensorBackend> backends() {
        return all().stream();
    }

    /** Every usable backend with each dtype, as arguments of a parameterized test. */
    public static Stream<Arguments> backendsAndDTypes() {
        return all().stream().flatMap(backend -> Stream.of(DType.values()).map(dtype -> Arguments.of(backend, dtype)));
    }

    /** The plain backend, the reference that the others are checked against. */
    public static TensorBackend reference() {
        return all().stream().filter(backend -> backend.name().equals(REFERENCE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the reference backend '" + REFERENCE
                        + "' is not on the test class path"));
    }
}
