package dev.chainrule.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("sub/metrics.json");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), filesIn(target.getParent()));
    }

    @Test
    void aFailingWriterKeepsTheOldFileAndRemovesItsTemporary() throws IOException {
        Path target = folder.resolve("model.crm");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(folder));
    }

    @Test
    void removesOnlyTheTemporariesOfTheGivenFile() throws IOException {
        Path target = folder.resolve("chart.png");
        Path stale = Files.createFile(folder.resolve(".chart.png.1f2e.tmp"));
        Path other = Files.createFile(folder.resolve(".model.crm.1f2e.tmp"));

        assertEquals(1, AtomicFiles.removeStaleTemporaries(target));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other));
        assertEquals(0, AtomicFiles.removeStaleTemporaries(folder.resolve("missing/x.png")));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
