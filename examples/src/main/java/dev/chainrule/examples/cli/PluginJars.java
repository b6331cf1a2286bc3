package dev.chainrule.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class loader over every readable jar in a folder of plugins, in name order, whose parent sees the class path. A
 * file named {@code .jar} that is not a readable jar is left out and reported like a broken provider: logged, and
 * listed with the reason.
 *
 * @param loader     the class loader
 * @param unreadable one line per jar left out: its path and why
 */
record PluginJars(URLClassLoader loader, List<String> unreadable) {

    private static final Logger LOG = LoggerFactory.getLogger(PluginJars.class);

    PluginJars {
        unreadable = List.copyOf(unreadable);
    }

    /**
     * The loader of the jars directly in {@code directory}; it stays open for the life of the tool.
     *
     * @throws UsageException if the folder does not exist or holds no jar
     */
    static PluginJars open(Path directory, ClassLoader parent) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--plugins " + directory + ": no such directory");
        }
        List<URL> jars = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        boolean any = false;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList()) {
                any = true;
                Optional<String> problem = problem(jar);
                if (problem.isPresent()) {
                    String failure = jar.toAbsolutePath() + ": not a readable jar (" + problem.get() + ")";
                    LOG.warn("skipped the plugin jar {}", failure);
                    unreadable.add(failure);
                } else {
                    jars.add(jar.toAbsolutePath().toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        if (!any) {
            throw new UsageException("--plugins " + directory + " holds no .jar file; build the plugin (mvn package) "
                    + "and name the folder with its jar, for example target/");
        }
        return new PluginJars(new URLClassLoader("plugins", jars.toArray(URL[]::new), parent), unreadable);
    }

    private static Optional<String> problem(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
