package dev.chainrule.backend.plain.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translation of a FLOAT64 source into its FLOAT32 twin, rule by rule. */
class Float32TwinsTest {

    private static String body(String source) {
        String twin = Float32Twins.translate("Float64Sample.java", source);
        String header = twin.substring(0, twin.indexOf('\n') + 1);
        assertTrue(header.startsWith("// Generated from Float64Sample.java"), header);
        return twin.substring(header.length());
    }

    @Test
    void namesAndElementTypesBecomeFloat32() {
        assertEquals("final class Float32Sum { float[] data; FloatVector v; VectorSpecies<Float> s; int b = Float.BYTES;"
                        + " DType t = DType.FLOAT32; VectorFloat32Kernel k; }",
                body("final class Float64Sum { double[] data; DoubleVector v; VectorSpecies<Double> s; int b = "
                        + "Double.BYTES; DType t = DType.FLOAT64; VectorFloat64Kernel k; }"));
    }

    @Test
    void castsToTheElementTypeRound() {
        assertEquals("out[i] = (float) Math.exp(x[i]);", body("out[i] = (double) Math.exp(x[i]);"));
    }

    @Test
    void namesThatOnlyContainDoubleStay() {
        assertEquals("java.util.function.DoubleUnaryOperator f; float y = (float) f.applyAsDouble(x); doubled = 1;",
                body("java.util.function.DoubleUnaryOperator f; double y = (double) f.applyAsDouble(x); doubled = 1;"));
    }

    @Test
    void aMarkedDoubleStaysDouble() {
        assertEquals("static /* wide */ double sum(float[] x) { /* wide */ double[] s = new /* wide */  double[1]; }",
                body("static /* wide */ double sum(double[] x) { /* wide */ double[] s = new /* wide */  double[1]; }"));
    }

    @Test
    void commentsAndStringsKeepTheWordDoubleButNameTheTwin() {
        assertEquals("/** A FLOAT32 sum, in double. */ // Float32Sum: double\nString s = \"double \\\" Float32\"; "
                        + "char c = '\\''; float d;",
                body("/** A FLOAT64 sum, in double. */ // Float64Sum: double\nString s = \"double \\\" Float64\"; "
                        + "char c = '\\''; double d;"));
    }

    @Test
    void aMarkerBeforeAnythingButDoubleIsAnError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Float32Twins.translate("Float64Sample.java", "int a;\n/* wide */ float x;"));
        assertTrue(error.getMessage().contains("Float64Sample.java") && error.getMessage().contains("line 2"),
                error.getMessage());
    }

    @Test
    void writesOneTwinPerFloat64SourceAndRemovesStaleOnes(@TempDir Path folder) throws IOException {
        Path sources = Files.createDirectories(folder.resolve("src"));
        Path output = Files.createDirectories(folder.resolve("out"));
        Files.writeString(sources.resolve("Float64Thing.java"), "class Float64Thing { double x; }");
        Files.writeString(sources.resolve("Other.java"), "class Other { double x; }");
        Files.writeString(output.resolve("Float32Gone.java"), "class Float32Gone {}");

        Float32Twins.main(new String[] {sources.toString(), output.toString()});

        try (var files = Files.list(output)) {
            assertEquals(java.util.List.of("Float32Thing.java"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(output.resolve("Float32Thing.java")).endsWith("class Float32Thing { float x; }"));
    }

    @Test
    void noSourcesIsAnError(@TempDir Path folder) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Float32Twins.main(new String[] {folder.toString(), folder.resolve("out").toString()}));
        assertTrue(error.getMessage().contains("no *Float64*.java"), error.getMessage());
    }
}
