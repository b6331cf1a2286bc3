package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.PluginVerification;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.testkit.PluginJar;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery of real plugin jars, built in the test and loaded by a class loader of their own beside the built-ins, as
 * an application loads a folder of plugins: broken providers are reported with their class and jar while the others
 * load, a name that a built-in has is an error naming both, and strict verification refuses wrong derivatives.
 */
class PluginJarDiscoveryTest {

    @TempDir
    Path folder;

    private URLClassLoader loader;

    @AfterEach
    void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void aProviderThatThrowsOrIsMissingIsReportedWithItsClassAndJarAndTheOthersStillLoad() throws IOException {
        Path jar = new PluginJar()
                .source("org.example.broken.Exploding", scalar("org.example.broken.Exploding", "exploding", "x", "1",
                        "public Exploding() { throw new IllegalStateException(\"no licence key\"); }"))
                .source("org.example.broken.Halving", scalar("org.example.broken.Halving", "halving", "x / 2", "0.5", ""))
                .register(Activation.class, "org.example.broken.Exploding")
                .register(Activation.class, "org.example.broken.Missing")
                .register(Activation.class, "org.example.broken.Halving")
                .write(folder.resolve("broken.jar"));
        Plugins plugins = Plugins.discover(load(jar));

        assertTrue(plugins.activations().names().containsAll(List.of("halving", "tanh", "softmax")),
                () -> plugins.activations().names().toString());
        String where = location(jar);
        List<String> failures = plugins.failures();
        assertEquals(2, failures.size(), failures::toString);
        assertTrue(failures.contains("org.example.broken.Exploding from " + where + ": " + Activation.class.getName()
                + ": Provider "
                + "org.example.broken.Exploding could not be instantiated (caused by IllegalStateException: no licence "
                + "key)"), failures::toString);
        assertTrue(failures.contains("org.example.broken.Missing from " + where + ": " + Activation.class.getName()
                + ": Provider org.example.broken.Missing not found"), failures::toString);
        assertEquals(where, plugins.activations().entry("halving").origin());
    }

    @Test
    void aJarThatClaimsABuiltInNameIsAnErrorNamingBothClassesAndJars() {
        Path jar = new PluginJar()
                .source("org.example.clash.FastTanh", scalar("org.example.clash.FastTanh", "tanh", "x", "1", ""))
                .register(Activation.class, "org.example.clash.FastTanh")
                .write(folder.resolve("fast-tanh.jar"));
        URLClassLoader jars = load(jar);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Plugins.discover(jars));
        assertEquals("two Activation plugins claim the name 'tanh': dev.chainrule.activations.Tanh (from "
                + Registries.PLUGINS.activations().entry("tanh").origin() + ") and org.example.clash.FastTanh (from "
                + location(jar) + "); remove one of them from the class path", error.getMessage());
    }

    @Test
    void strictVerificationRefusesAWrongDerivativeSayingByHowMuchAndRegistersTheRest() {
        Path jar = new PluginJar()
                .source("org.example.wrong.Steep", scalar("org.example.wrong.Steep", "steep", "Math.sin(x)", "3 * Math.cos(x)", ""))
                .source("org.example.wrong.Gentle", scalar("org.example.wrong.Gentle", "gentle", "Math.sin(x)", "Math.cos(x)", ""))
                .source("org.example.wrong.Doubled", doubledSquaredError())
                .register(Activation.class, "org.example.wrong.Steep")
                .register(Activation.class, "org.example.wrong.Gentle")
                .register(Loss.class, "org.example.wrong.Doubled")
                .write(folder.resolve("wrong.jar"));
        URLClassLoader jars = load(jar);

        Plugins lenient = Plugins.discover(jars);
        assertTrue(lenient.activations().find("steep").isPresent());
        assertEquals(List.of(), lenient.failures());

        Plugins strict = Plugins.discover(jars, PluginVerification.STRICT);
        assertTrue(strict.activations().find("gentle").isPresent(), "a correct plugin passes");
        assertTrue(strict.activations().find("steep").isEmpty(), "a wrong activation is not registered");
        assertTrue(strict.losses().find("doubled_squared_error").isEmpty(), "a wrong loss is not registered");
        assertTrue(strict.activations().names().containsAll(Registries.PLUGINS.activations().names()),
                "every built-in passes");
        assertTrue(strict.losses().names().containsAll(Registries.PLUGINS.losses().names()), "every built-in passes");

        List<String> failures = strict.failures();
        assertEquals(2, failures.size(), failures::toString);
        String steep = failures.get(0);
        assertTrue(steep.startsWith("org.example.wrong.Steep from " + location(jar) + ": refused activation 'steep': its "
                + "derivative is wrong: gradient check of activation steep: max error "), steep);
        assertTrue(steep.matches(".* at row \\d, column \\d \\(z = \\S+\\): analytical \\S+, numerical \\S+ .*"
                + "exceeds the tolerance 1\\.0e-06"), steep);
        assertTrue(failures.get(1).startsWith("org.example.wrong.Doubled from " + location(jar) + ": refused loss "
                + "'doubled_squared_error': its derivative is wrong: gradient check of loss doubled_squared_error: max "
                + "error 5.000e-01 at row "), failures.get(1));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> strict.activations().create("steep"));
        assertTrue(unknown.getMessage().startsWith("activation 'steep' is on the class path but was not registered: "
                + "refused activation 'steep': its derivative is wrong"), unknown.getMessage());
    }

    @Test
    void strictVerificationRefusesALayerWhoseBackwardIsWrongAndKeepsEveryBuiltInLayer() {
        Path jar = new PluginJar()
                .source("org.example.wrong.Twice", twiceLayer("Twice", "twice", "gradOutput"))
                .source("org.example.wrong.Doubling", twiceLayer("Doubling", "doubling", "twice"))
                .register(Layer.class, "org.example.wrong.Twice")
                .register(Layer.class, "org.example.wrong.Doubling")
                .write(folder.resolve("layers.jar"));
        URLClassLoader jars = load(jar);

        assertTrue(Plugins.discover(jars).layers().find("twice").isPresent());
        Plugins strict = Plugins.discover(jars, PluginVerification.STRICT);
        assertTrue(strict.layers().find("twice").isEmpty(), "a wrong layer is not registered");
        assertTrue(strict.layers().find("doubling").isPresent(), "a correct layer passes");
        assertTrue(strict.layers().names().containsAll(Registries.PLUGINS.layers().names()),
                "every built-in passes, dense (which needs its units) unprobed: " + strict.failures());
        List<String> failures = strict.failures();
        assertEquals(1, failures.size(), failures::toString);
        assertTrue(failures.get(0).startsWith("org.example.wrong.Twice from " + location(jar) + ": refused layer "
                + "'twice': its derivative is wrong: gradient check of layer twice dE/d(input): max error "),
                failures.get(0));
    }

    /** A layer computing {@code 2x} whose backward writes {@code gradient} ({@code twice} is right) into dE/dx. */
    private static String twiceLayer(String className, String name, String gradient) {
        return """
                package org.example.wrong;

                import dev.chainrule.core.activation.ForwardContext;
                import dev.chainrule.core.network.FeatureShape;
                import dev.chainrule.core.network.Layer;
                import dev.chainrule.core.network.LayerMemory;
                import dev.chainrule.core.tensor.BinaryOp;
                import dev.chainrule.core.tensor.Tensor;
                import java.util.List;
                import java.util.Optional;

                public final class %s implements Layer {
                    public String name() { return "%s"; }
                    public FeatureShape outputShape(FeatureShape input) { return input; }
                    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
                        return input.backend().binary(BinaryOp.MUL, input, 2.0, output);
                    }
                    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
                            List<Tensor> parameterGradients, LayerMemory memory) {
                        gradInput.ifPresent(out -> {
                            Tensor twice = gradOutput.backend().binary(BinaryOp.MUL, gradOutput, 2.0, out.newLike());
                            out.backend().copy(%s, out);
                        });
                    }
                }
                """.formatted(className, name, gradient);
    }

    /** How a class's origin names the jar: its URL, {@code file:/path/to.jar}. */
    private static String location(Path jar) {
        try {
            return jar.toFile().toURI().toURL().toString();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private URLClassLoader load(Path jar) {
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
            return loader;
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source of the scalar activation {@code qualifiedName} from its formulas in {@code x}. */
    private static String scalar(String qualifiedName, String name, String phi, String derivative,
            String constructor) {
        int dot = qualifiedName.lastIndexOf('.');
        return "package " + qualifiedName.substring(0, dot) + ";\n"
                + "public final class " + qualifiedName.substring(dot + 1) + " extends dev.chainrule.core.activation.ScalarActivation {\n"
                + constructor + "\n"
                + "    public String name() { return \"" + name + "\"; }\n"
                + "    protected double phi(double x) { return " + phi + "; }\n"
                + "    protected double derivative(double x, double phiX) { return " + derivative + "; }\n"
                + "}\n";
    }

    /** A squared error whose gradient is twice what it should be. */
    private static String doubledSquaredError() {
        return """
                package org.example.wrong;
                import dev.chainrule.core.loss.Loss;
                import dev.chainrule.core.tensor.Tensor;
                public final class Doubled implements Loss {
                    public String name() { return "doubled_squared_error"; }
                    public double value(Tensor output, Tensor target) {
                        return output.sub(target).map(dev.chainrule.core.tensor.UnaryOp.SQUARE).sum() / 2 / output.rows();
                    }
                    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
                        return out.backend().copy(output.sub(target).mul(2.0 / output.rows()), out);
                    }
                }
                """;
    }
}
