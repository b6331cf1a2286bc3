package dev.chainrule.backend.nd4j;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real probe where the natives are missing: a JVM started on this module's test class path minus every
 * {@code linux-x86_64} jar, as on a machine those jars do not fit. {@code ServiceLoader} still creates the backend,
 * which says why it cannot start instead of crashing, and the JVM carries on.
 */
class MissingNativesTest {

    @Test
    void withoutItsNativeJarsTheBackendIsDiscoveredAndSaysWhyItCannotStart(@TempDir Path directory) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String withoutNatives = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Paths.get(entry).getFileName().toString().matches(".*-linux-x86_64(-[a-z0-9]+)?\\.jar"))
                .collect(Collectors.joining(File.pathSeparator));
        assertNotEquals(classPath, withoutNatives, "the test class path should hold the native jars: " + classPath);
        Path output = directory.resolve("probe.txt");
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", withoutNatives, MissingNativesProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        List<String> lines = Files.readAllLines(output, UTF_8);
        String all = String.join("\n", lines);
        assertEquals(0, process.exitValue(), all);
        assertTrue(lines.contains("discovered=[nd4j]"), all);
        assertTrue(lines.contains("usable=false"), all);
        String reason = value(lines, "reason=");
        assertTrue(reason.startsWith("ND4J could not start (") && reason.contains("Error"), all);
        assertTrue(reason.contains("linux-x86_64"), all);
        assertTrue(lines.contains("asked again=true"), all);
        assertEquals("backend 'nd4j' was requested by the caller but cannot start: " + reason, value(lines, "named="), all);
        assertEquals("backend 'nd4j' cannot start: " + reason, value(lines, "zeros="), all);
        assertTrue(lines.contains("alive"), all);
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElse("(no line " + prefix + ")");
    }
}
