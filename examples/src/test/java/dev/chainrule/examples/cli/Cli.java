package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Runs the tool in-process with captured output, and reads what it writes. */
final class Cli {

    private Cli() {
    }

    /**
     * What one run printed and returned.
     *
     * @param code the exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Run(int code, String out, String err) {

        /** Asserts exit code 0, showing the error stream otherwise. */
        Run succeeded() {
            assertEquals(0, code, () -> "exit code " + code + "\nerr:\n" + err + "\nout:\n" + out);
            return this;
        }

        /** Asserts the exit code and that no stack trace was printed. */
        Run failed(int expected) {
            assertEquals(expected, code, () -> "exit code " + code + "\nerr:\n" + err + "\nout:\n" + out);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "a stack trace:\n" + err);
            return this;
        }
    }

    /** Runs {@code args} with empty standard input. */
    static Run run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code args} with {@code stdin} as standard input. */
    static Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ChainruleCli cli = new ChainruleCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false);
        int code = ChainruleCli.execute(cli, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Parses a JSON file or text. */
    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    /** Decodes a PNG; fails if it is not one. */
    static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new AssertionError(file + " is not an image ImageIO can read");
        }
        return image;
    }
}
