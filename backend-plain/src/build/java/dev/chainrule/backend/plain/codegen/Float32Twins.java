package dev.chainrule.backend.plain.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the FLOAT32 twin of every FLOAT64 class of the plain backend: each {@code *Float64*.java} of the source
 * folder becomes a {@code *Float32*.java} of the output folder, the FLOAT64 source being the only one that anyone
 * edits (as EJML generates its float classes from its double ones). Maven runs it in {@code generate-sources} of
 * every build, with the single-file source launcher:
 * <pre>
 * java .../codegen/Float32Twins.java SOURCE_FOLDER OUTPUT_FOLDER
 * </pre>
 * It first deletes the output folder's {@code .java} files, so a twin never outlives its source.
 *
 * <p>The translation:
 * <ul>
 *   <li>everywhere, {@code Float64} becomes {@code Float32} and {@code FLOAT64} becomes {@code FLOAT32}, inside names
 *       too, so that a twin names its own family and says its own dtype;</li>
 *   <li>in code (not in comments and strings, so that prose about double arithmetic stays true), the words
 *       {@code DoubleVector} and {@code Double} (the boxed element type, as in {@code Double.BYTES} or
 *       {@code VectorSpecies<Double>}) become {@code FloatVector} and {@code Float}, while names that merely contain
 *       {@code Double}, such as {@code DoubleUnaryOperator} or {@code applyAsDouble}, stay;</li>
 *   <li>in code, the word {@code double} becomes {@code float}, unless it is written {@value #WIDE}: a number that
 *       stays a double in both precisions, such as the accumulator of a FLOAT32 sum. A {@code (double)} cast thus
 *       becomes {@code (float)}: the FLOAT64 source writes one wherever a result computed in double is stored as an
 *       element.</li>
 * </ul>
 * What the translation gets wrong, javac reports in the twin, whose first line names its source.
 */
public final class Float32Twins {

    /** How the FLOAT64 source writes a double that stays a double in the FLOAT32 twin. */
    static final String WIDE = "/* wide */ double";

    private static final String MARKER = "/* wide */";
    private static final Pattern MARKED_WORD = Pattern.compile("\\s*double\\b");

    private Float32Twins() {
    }

    /**
     * Generates the twins.
     *
     * @param args the folder of the FLOAT64 sources and the folder the twins go to
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java Float32Twins.java SOURCE_FOLDER OUTPUT_FOLDER, got "
                    + args.length + " arguments");
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        try (Stream<Path> old = Files.list(output)) {
            for (Path file : old.filter(file -> file.toString().endsWith(".java")).toList()) {
                Files.delete(file);
            }
        }
        List<Path> templates;
        try (Stream<Path> files = Files.list(sources)) {
            templates = files.filter(file -> file.getFileName().toString().matches(".*Float64.*\\.java")).sorted()
                    .toList();
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no *Float64*.java in " + sources.toAbsolutePath());
        }
        for (Path template : templates) {
            String name = template.getFileName().toString();
            String twin = translate(name, Files.readString(template, StandardCharsets.UTF_8));
            Files.writeString(output.resolve(name.replace("Float64", "Float32")), twin, StandardCharsets.UTF_8);
        }
    }

    /** The FLOAT32 twin of the FLOAT64 source {@code text} of the file {@code name}. */
    static String translate(String name, String text) {
        String named = text.replace("Float64", "Float32").replace("FLOAT64", "FLOAT32");
        StringBuilder twin = new StringBuilder("// Generated from ").append(name)
                .append(" by backend-plain's Float32Twins (src/build): edit the source, not this file.\n");
        int code = 0;
        for (int at = 0; at < named.length(); at++) {
            int end = endOfCommentOrString(named, at);
            if (end > at) {
                twin.append(codeToFloat(named.substring(code, at))).append(named, at, end);
                if (named.startsWith(MARKER, at)) {
                    Matcher word = MARKED_WORD.matcher(named).region(end, named.length());
                    if (!word.lookingAt()) {
                        throw new IllegalArgumentException(name + ": " + MARKER + " must stand right before the word "
                                + "double, at line " + (named.substring(0, at).split("\n", -1).length));
                    }
                    twin.append(word.group());
                    end = word.end();
                }
                code = end;
                at = end - 1;
            }
        }
        return twin.append(codeToFloat(named.substring(code))).toString();
    }

    /** The element types of a stretch of code, turned to float. */
    private static String codeToFloat(String code) {
        return code.replaceAll("\\bDoubleVector\\b", "FloatVector").replaceAll("\\bDouble\\b", "Float")
                .replaceAll("\\bdouble\\b", "float");
    }

    /**
     * Where the comment, string or character literal that starts at {@code at} ends (just past it), or {@code at}
     * when none starts there.
     */
    private static int endOfCommentOrString(String text, int at) {
        if (text.startsWith("//", at)) {
            int end = text.indexOf('\n', at);
            return end < 0 ? text.length() : end;
        }
        if (text.startsWith("/*", at)) {
            return text.indexOf("*/", at + 2) + 2;
        }
        char quote = text.charAt(at);
        if (quote == '"' || quote == '\'') {
            int end = at + 1;
            while (text.charAt(end) != quote) {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            return end + 1;
        }
        return at;
    }
}
