package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.testkit.InitializerContract;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered initializer, at its defaults and at the configurations below, passes the test kit's
 * {@link InitializerContract}: the identity's exact values and the orthogonal matrices' orthogonality included.
 */
class InitializerContractTest {

    static final List<String> NON_DEFAULT = List.of(
            "constant(value=0.25)", "uniform(low=-2, high=3)", "normal(mean=1, std=2)",
            "truncated_normal(mean=-1, std=0.5, bound=1)", "glorot_uniform(gain=2)", "glorot_normal(gain=0.5)",
            "he_normal(mode=fan_out, negative_slope=0.2)", "he_uniform(mode=fan_out, a=0.5)", "orthogonal(gain=1.5)",
            "identity(gain=0.5)", "variance_scaling(scale=2, mode=fan_avg, distribution=uniform)",
            "variance_scaling(mode=fan_out, distribution=untruncated_normal)", "sparse(fraction=0.5, std=0.1)");

    static Stream<String> specs() {
        return Stream.concat(Registries.PLUGINS.initializers().names().stream(), NON_DEFAULT.stream());
    }

    @TestFactory
    Stream<DynamicNode> everyRegisteredInitializerPassesTheTestKit() {
        return specs().map(spec -> dynamicContainer(spec, contract(spec).contractTests()));
    }

    private static InitializerContract contract(String spec) {
        Initializer initializer = Registries.PLUGINS.initializers().create(spec);
        return new InitializerContract() {
            @Override
            public Initializer initializer() {
                return initializer;
            }

            @Override
            public Optional<double[]> exactValues(Shape shape, Fans fans) {
                if (!initializer.name().equals("identity")) {
                    return Optional.empty();
                }
                double gain = Double.parseDouble(initializer.spec().arguments().get("gain"));
                double[] eye = new double[shape.size()];
                for (int i = 0; i < Math.min(shape.rows(), shape.columns()); i++) {
                    eye[i * shape.columns() + i] = gain;
                }
                return Optional.of(eye);
            }

            @Override
            public boolean orthogonal() {
                return initializer.name().equals("orthogonal");
            }
        };
    }

    @Test
    void theCatalogueIsComplete() {
        assertEquals(List.of("constant", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform", "identity",
                "lecun_normal", "lecun_uniform", "normal", "ones", "orthogonal", "sparse", "truncated_normal",
                "uniform", "variance_scaling", "zeros"), Registries.PLUGINS.initializers().names());
    }
}
