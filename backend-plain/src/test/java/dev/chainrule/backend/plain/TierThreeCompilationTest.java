package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every method of the vector kernels and functions compiles with C1's profiling tier (tier 3), which a method must
 * pass through on its way to C2. A method that C1 gives up on ("out of virtual registers") can stay compiled at tier 2
 * for good, where every vector is a heap object: the one-row product once did, and batch-1 inference then took 600 µs
 * and allocated 3 MB a call in about one JVM in four. A child JVM, stopped at tier 3, runs the warm-up's products and
 * element-wise functions; its compilation log may name none of ours as skipped.
 */
class TierThreeCompilationTest {

    @Test
    void theVectorCodeCompilesAtTierThree() throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=3", "-XX:+PrintCompilation", "-cp",
                classPath, WarmUpInChild.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains("VectorFloat32Kernel::tile"), "the child compiled no kernel:\n" + log);
        List<String> skipped = log.lines().filter(line -> line.contains("COMPILE SKIPPED"))
                .filter(line -> line.contains("dev.chainrule")).toList();
        assertEquals(List.of(), skipped);
    }

    /** The child: the warm-up's rounds, twice, so that their loops are compiled and then entered compiled. */
    static final class WarmUpInChild {

        private WarmUpInChild() {
        }

        public static void main(String[] args) {
            WarmUp.run();
            WarmUp.run();
        }
    }
}
