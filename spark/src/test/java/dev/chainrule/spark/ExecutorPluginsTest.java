package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.testkit.PluginJar;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party activation (the snake activation of {@code examples/third-party-plugin}, compiled into a plugin jar
 * here) loaded by the driver from its own jar: before the jar is shipped the run fails at once naming the plugin and
 * the jar; once shipped ({@code SparkContext.addJar}, as {@code --jars} does) the executors discover it and train to
 * the single-machine result.
 */
class ExecutorPluginsTest {

    private static final Path SNAKE = Path.of("../examples/third-party-plugin/src/main/java/org/example/activations/"
            + "Snake.java");

    @TempDir
    Path folder;

    @Test
    void aThirdPartyActivationTrainsOnExecutorsOnceItsJarIsShippedAndNotBefore() throws IOException {
        Path jar = new PluginJar().source("org.example.activations.Snake", Files.readString(SNAKE))
                .register(Activation.class, "org.example.activations.Snake")
                .write(folder.resolve("snake-activations.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Chainrule driver = Chainrule.create(Plugins.discover(loader), Optional.of("plain"));
            double[][] x = Fixtures.features(60, 4, 5);
            double[][] y = Fixtures.oneHotTargets(x, 2);
            TrainingConfig config = driver.training("categorical_cross_entropy", "sgd(lr=0.1, momentum=0.9)")
                    .epochs(2).batchSize(20).build();
            TrainingData data = TrainingData.fromArrays(Fixtures.context(), x, y, 2);
            DistributedTrainer trainer = new DistributedTrainer(Fixtures.context(), driver,
                    DistributedOptions.defaults());

            MissingPluginException missing = assertThrows(MissingPluginException.class,
                    () -> trainer.fit(data, snakeNetwork(driver), config));
            assertTrue(missing.getMessage().startsWith("activation plugin 'snake' is not on the class path of executor "
                    + "driver; the driver loaded it from " + jar), missing::getMessage);
            assertTrue(missing.getMessage().contains("ship that jar with spark-submit --jars " + jar),
                    missing::getMessage);

            Fixtures.context().addJar(jar.toString());
            Network distributed = snakeNetwork(driver);
            assertEquals(6, trainer.fit(data, distributed, config).steps());
            Network alone = snakeNetwork(driver);
            driver.trainer().fit(alone, Dataset.of(x, y), config);
            assertTrue(Fixtures.relativeDifference(alone, distributed) <= 1e-10);
            data.release();
        }
    }

    private static Network snakeNetwork(Chainrule chainrule) {
        return chainrule.network(4).dtype(DType.FLOAT64).seed(8).dense(6, "snake(alpha=0.5)").dense(2, "softmax")
                .build();
    }
}
