package dev.chainrule.testkit;

import dev.chainrule.core.plugin.Plugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar inside a test: compiles Java sources against the test's class path and Chainrule's API,
 * and registers providers in {@code META-INF/services}, which may name classes that are missing or broken on
 * purpose. For testing how a host loads plugins: a provider that throws, a missing class, a duplicate name.
 *
 * <pre>{@code
 * Path jar = new PluginJar()
 *         .source("org.example.Broken", "package org.example; public final class Broken extends "
 *                 + "dev.chainrule.core.activation.ScalarActivation { public Broken() { throw new "
 *                 + "IllegalStateException(\"boom\"); } ... }")
 *         .register(Activation.class, "org.example.Broken")
 *         .register(Activation.class, "org.example.Missing")
 *         .write(folder.resolve("broken.jar"));
 * }</pre>
 */
public final class PluginJar {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();

    /** Adds the source of the class {@code className} (fully qualified). */
    public PluginJar source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Names {@code className} as a provider of {@code kind} in the jar's {@code META-INF/services}. */
    public PluginJar register(Class<? extends Plugin> kind, String className) {
        services.computeIfAbsent(kind.getName(), key -> new ArrayList<>()).add(className);
        return this;
    }

    /**
     * Compiles the sources and writes the jar to {@code jar}.
     *
     * @return {@code jar}
     * @throws IllegalStateException if a source does not compile, with the compiler's messages
     */
    public Path write(Path jar) {
        Path work = null;
        try {
            work = Files.createTempDirectory("plugin-jar");
            Path classes = Files.createDirectories(work.resolve("classes"));
            compile(work.resolve("sources"), classes);
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(path));
                    out.closeEntry();
                }
                for (Map.Entry<String, List<String>> service : services.entrySet()) {
                    out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
                    out.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        } finally {
            delete(work);
        }
    }

    private void compile(Path sourceRoot, Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime; run the tests on a JDK");
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-proc:none", "-classpath", classPath());
            boolean compiled = compiler.getTask(null, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                StringBuilder messages = new StringBuilder("the plugin sources do not compile:");
                for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                    messages.append('\n').append(diagnostic);
                }
                throw new IllegalStateException(messages.toString());
            }
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** The test's class path and the jar or folder that holds Chainrule's API. */
    private static String classPath() {
        try {
            String api = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return api + java.io.File.pathSeparator + System.getProperty("java.class.path");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate Chainrule's API classes", e);
        }
    }
}
