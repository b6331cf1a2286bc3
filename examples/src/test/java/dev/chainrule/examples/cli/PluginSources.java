package dev.chainrule.examples.cli;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.testkit.PluginJar;
import java.nio.file.Path;

/** Plugin jars for the command-line tests, compiled from scalar activations written out here. */
final class PluginSources {

    private PluginSources() {
    }

    /** A jar with {@code halving} ({@code z / 2}), a provider whose constructor throws, and one that is missing. */
    static Path halvingWithBrokenProviders(Path folder) {
        return new PluginJar()
                .source("org.example.cli.Halving", scalar("org.example.cli.Halving", "halving", "x / 2", "0.5", ""))
                .source("org.example.cli.Exploding", scalar("org.example.cli.Exploding", "exploding", "x", "1",
                        "public Exploding() { throw new IllegalStateException(\"no licence key\"); }"))
                .register(Activation.class, "org.example.cli.Halving")
                .register(Activation.class, "org.example.cli.Exploding")
                .register(Activation.class, "org.example.cli.Missing")
                .write(folder.resolve("halving.jar"));
    }

    /** A jar whose activation {@code tanh} takes a built-in's name. */
    static Path clashingTanh(Path folder) {
        return new PluginJar()
                .source("org.example.cli.FastTanh", scalar("org.example.cli.FastTanh", "tanh", "x", "1", ""))
                .register(Activation.class, "org.example.cli.FastTanh")
                .write(folder.resolve("fast-tanh.jar"));
    }

    /** A jar with {@code steep}: {@code sin z} whose derivative is given as {@code 3 cos z}. */
    static Path steep(Path folder) {
        return new PluginJar()
                .source("org.example.cli.Steep", scalar("org.example.cli.Steep", "steep", "Math.sin(x)",
                        "3 * Math.cos(x)", ""))
                .register(Activation.class, "org.example.cli.Steep")
                .write(folder.resolve("steep.jar"));
    }

    /** The source of the scalar activation {@code qualifiedName} from its formulas in {@code x}. */
    static String scalar(String qualifiedName, String name, String phi, String derivative, String constructor) {
        int dot = qualifiedName.lastIndexOf('.');
        return "package " + qualifiedName.substring(0, dot) + ";\n"
                + "public final class " + qualifiedName.substring(dot + 1)
                + " extends dev.chainrule.core.activation.ScalarActivation {\n"
                + constructor + "\n"
                + "    public String name() { return \"" + name + "\"; }\n"
                + "    protected double phi(double x) { return " + phi + "; }\n"
                + "    protected double derivative(double x, double phiX) { return " + derivative + "; }\n"
                + "}\n";
    }
}
