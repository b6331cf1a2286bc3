package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.testkit.Backends;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each model file that broke the hand-written loader now fails with the loader's own one-line message. */
class ModelLoaderHardeningTest {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("3,000 nested '[' in the header", "nesting depth"),
            Map.entry("units 1,000,000,000", "a 4x1000000000 tensor would hold 4000000000 numbers (16.0 GB"),
            Map.entry("units 400,000,000", "layer 1 needs a 4x400000000 tensor"),
            Map.entry("units 2,147,483,647 with a matching stored shape", "bytes of parameters but it holds"),
            Map.entry("a NaN weight", "the tensor 'layer 1 weights' holds NaN at row 1, column 3"),
            Map.entry("an infinite state value", "holds Infinity"),
            Map.entry("truncated at 8 bytes", "is truncated or corrupt: it is 8 bytes long"),
            Map.entry("truncated at 15 bytes", "is truncated or corrupt: it is 15 bytes long"),
            Map.entry("a header of 4 GB", "more than the 16777216 a model file's header may have"),
            Map.entry("a number of 10,000 digits", "Number value length"),
            Map.entry("a duplicate key", "Duplicate field 'inputs'"),
            Map.entry("text after the header", "text after its JSON value"));

    static Stream<Arguments> reproducers() {
        return ModelLoaderReproducers.all().entrySet().stream()
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reproducers")
    void failsWithTheLoadersOwnOneLineMessage(String name, byte[] bytes) {
        ModelFileException error = assertThrows(ModelFileException.class, () -> decode(bytes));
        String message = error.getMessage();
        assertTrue(message.startsWith("model.crm"), message);
        assertTrue(message.contains(EXPECTED.get(name)), name + ": " + message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("instead of 894348520d0a1a0a") && message.contains("starts with 894348520d0a1a0a"),
                message);
    }

    @Test
    void everyReproducerHasAnExpectedMessage() {
        assertEquals(EXPECTED.keySet(), ModelLoaderReproducers.all().keySet());
    }

    @Test
    void theValidModelAndTheVersionOneFixtureLoad() throws ModelFileException {
        assertEquals(6, decode(ModelLoaderReproducers.valid()).network().layers().size());
        assertEquals(3, decode(ModelLoaderReproducers.versionOne()).network().layers().size());
    }

    @Test
    void aFolderIsNamedAsNoModelFile(@TempDir Path folder) {
        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ModelFile.load(folder, Backends.reference(), Registries.PLUGINS));
        assertEquals(folder + " is a folder, not a model file", error.getMessage());
    }

    static SavedModel decode(byte[] bytes) throws ModelFileException {
        return ModelFile.decode(bytes, "model.crm", Backends.reference(), Registries.PLUGINS.layers(),
                Registries.PLUGINS.activations(), null);
    }
}
