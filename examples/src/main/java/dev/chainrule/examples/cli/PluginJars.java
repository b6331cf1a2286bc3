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
import java.util.stream.Stream;

/** A class loader over every jar in a folder of plugins, in name order, whose parent sees the class path. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * The loader of the jars directly in {@code directory}; it stays open for the life of the tool.
     *
     * @throws UsageException if the folder does not exist or holds no jar
     */
    static URLClassLoader classLoader(Path directory, ClassLoader parent) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--plugins " + directory + ": no such directory");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList()) {
                jars.add(jar.toAbsolutePath().toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        if (jars.isEmpty()) {
            throw new UsageException("--plugins " + directory + " holds no .jar file; build the plugin (mvn package) "
                    + "and name the folder with its jar, for example target/");
        }
        return new URLClassLoader("plugins", jars.toArray(URL[]::new), parent);
    }
}
