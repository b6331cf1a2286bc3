package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.wiring.Plugins;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradcheckCommandTest {

    @TempDir
    Path folder;

    @Test
    void everyDiscoveredActivationAndLossPasses() {
        Cli.Run run = Cli.run("gradcheck").succeeded();
        Plugins plugins = Plugins.discover(getClass().getClassLoader());
        for (String name : plugins.activations().names()) {
            assertTrue(run.out().contains("activation  " + name), name + " missing from\n" + run.out());
        }
        for (String name : plugins.losses().names()) {
            assertTrue(run.out().contains("loss        " + name), name + " missing from\n" + run.out());
        }
        for (String name : plugins.layers().names()) {
            assertTrue(run.out().contains("layer       " + name), name + " missing from\n" + run.out());
        }
        assertTrue(run.out().contains("conv2d(3, 3, stride=2, padding=1, dilation=2, activation=tanh) on 2x7x6"),
                run.out());
        String automatic = Chainrule.create().backend().name();
        assertTrue(run.out().contains("gradient check on backend " + automatic + ", float64, tolerance 1.0e-06"),
                run.out());
        assertTrue(run.out().contains("plugins pass"), run.out());
    }

    @Test
    void aThirdPartyActivationWithAWrongDerivativeFailsWithExitCodeOne() throws IOException {
        Path services = folder.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.chainrule.core.activation.Activation"),
                WrongDerivative.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {folder.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(plugin);
            Cli.Run run = Cli.run("gradcheck");
            run.failed(1);
            assertTrue(run.out().contains("FAIL: activation test_wrong_derivative at row"), run.out());
            assertTrue(run.out().matches("(?s).*\\n1 of \\d+ plugins fail: test_wrong_derivative\\n.*"), run.out());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void aToleranceMustBePositive() {
        Cli.run("gradcheck", "--tolerance", "0").failed(2);
    }
}
