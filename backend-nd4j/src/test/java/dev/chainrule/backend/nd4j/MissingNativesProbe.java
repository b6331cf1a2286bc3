package dev.chainrule.backend.nd4j;

import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.BackendSelector;
import java.util.Optional;

/** Run by {@link MissingNativesTest} in a JVM without ND4J's native jars; prints what it sees, one fact a line. */
public final class MissingNativesProbe {

    private MissingNativesProbe() {
    }

    /** Discovers the backends, asks nd4j twice whether it can start, then names it and asks it for a tensor. */
    public static void main(String[] args) {
        PluginRegistry<TensorBackend> backends = PluginRegistry.discover(TensorBackend.class,
                MissingNativesProbe.class.getClassLoader());
        System.out.println("discovered=" + backends.names());
        TensorBackend nd4j = backends.entry(Nd4jBackend.NAME).plugin();
        BackendAvailability availability = nd4j.availability();
        System.out.println("usable=" + availability.usable());
        System.out.println("reason=" + availability.reason());
        System.out.println("asked again=" + nd4j.availability().equals(availability));
        try {
            new BackendSelector(backends, key -> null, key -> null).select(Optional.of(Nd4jBackend.NAME));
        } catch (IllegalStateException e) {
            System.out.println("named=" + e.getMessage());
        }
        try {
            nd4j.zeros(DType.FLOAT32, new Shape(1, 1));
        } catch (IllegalStateException e) {
            System.out.println("zeros=" + e.getMessage());
        }
        System.out.println("alive");
    }
}
