package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run killed in or after {@link OutputFolder#prepare} leaves is cleaned by the next one, and nothing else. */
class OutputFolderTest {

    @TempDir
    Path folder;

    @Test
    void theWriteProbesAndTemporariesOfAKilledRunAreRemovedAndTheUsersFilesKept() throws IOException {
        for (String name : List.of(".chainrule-write-check.4711.tmp", ".chainrule-write-check.0815.tmp",
                ".model.crm.1a2b.tmp", "model.crm", "notes.tmp", ".chainrule-write-check.keep",
                ".other.crm.1a2b.tmp")) {
            Files.writeString(folder.resolve(name), "x");
        }

        OutputFolder.prepare("--out-dir", folder, folder.resolve("model.crm"));

        assertEquals(List.of(".chainrule-write-check.keep", ".other.crm.1a2b.tmp", "model.crm", "notes.tmp"),
                names(folder));
    }

    @Test
    void aFreshFolderIsCreatedAndLeftEmpty() throws IOException {
        Path out = folder.resolve("a/b");

        OutputFolder.prepare("--out-dir", out, out.resolve("model.crm"));

        assertEquals(List.of(), names(out));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
