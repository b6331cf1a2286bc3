package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.TrainingSession;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KilledTrainingTest}'s training (FLOAT64 on the plain backend, dropout, Adam) gives the same bits in this JVM
 * (C2) as in one with the other kernel and without C2: interpreted with the scalar kernel when this JVM multiplies
 * with the Vector API kernel (as surefire starts it), else at C1 with the vector kernel. So a checkpoint resumes
 * exactly whatever JVM, JIT tier or kernel wrote it. A few seconds.
 */
class SameBitsInEveryJvmTest {

    private static final String VECTOR = "jdk.incubator.vector";

    @Test
    void aJvmWithTheOtherKernelAndNoC2TrainsToTheSameBits(@TempDir Path folder) throws Exception {
        TrainingSession here = CheckpointingChild.session(List.of());
        here.fit(DatasetSource.of(CheckpointingChild.data()));
        double[] expected = here.parameterValues();

        boolean vectorHere = ModuleLayer.boot().findModule(VECTOR).isPresent()
                && !"scalar".equals(System.getProperty("chainrule.plain.kernel"));
        List<String> options = vectorHere ? List.of("-Xint", "-Dchainrule.plain.kernel=scalar")
                : List.of("--add-modules", VECTOR, "-XX:TieredStopAtLevel=1", "-Dchainrule.plain.kernel=vector");
        Path written = folder.resolve("parameters");
        Process child = start(written, options);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM " + options + " did not finish in 120 s");
        assertEquals(0, child.exitValue(), "the child JVM " + options + " failed");
        assertArrayEquals(expected, read(written, expected.length), "parameters trained in a JVM with " + options);
    }

    private static Process start(Path written, List<String> options) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-Xshare:auto", "-cp", classPath, TrainingInAnotherJvm.class.getName(),
                written.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static double[] read(Path file, int count) throws Exception {
        double[] values = new double[count];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            for (int i = 0; i < count; i++) {
                values[i] = in.readDouble();
            }
            assertEquals(-1, in.read(), "the child wrote more parameters than " + count);
        }
        return values;
    }
}
