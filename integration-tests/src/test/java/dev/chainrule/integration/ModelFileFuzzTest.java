package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.network.Network;
import dev.chainrule.testkit.ModelFileBytes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer of the model loader: {@value #CASES} inputs derived from a corpus of valid models and
 * every reproducer of issue 18, by byte flips, truncations, and header and value edits with the lengths and checksum
 * recomputed (so that the edits reach the parser and the validation behind the checksum). Every input must either
 * load a model whose every number is finite or fail with {@link ModelFileException}: never another exception, an
 * error, or a hang. A failure names the seed and the case, which replays it.
 */
class ModelFileFuzzTest {

    static final int CASES = 30_000;
    private static final long SEED = 20261205L;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] NUMBERS = {"0", "-1", "1", "2", "3", "400000000", "1000000000", "2147483647",
        "2147483648", "-2147483648", "9223372036854775808", "1e400", "1.5", "NaN", "1e-400", "00", "4.0"};
    private static final String[] TOKENS = {"[", "]", "{", "}", ",", ":", "\"", "null", "true", "(", ")", "=",
        "\\u0000", "\\ud800", "dense", "batch_norm", "layer_norm", "dropout", "activation=", "units=", "rows",
        "columns", "state", "parameters", "layers", "float64", "float32", "input_shape", "[1,2,2]"};

    @Test
    void everyMutantLoadsAFiniteModelOrFailsWithTheLoadersException() {
        List<byte[]> corpus = new ArrayList<>();
        corpus.add(ModelLoaderReproducers.valid());
        corpus.add(ModelLoaderReproducers.versionOne());
        corpus.addAll(ModelLoaderReproducers.all().values());
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            SplittableRandom random = new SplittableRandom(SEED);
            for (int i = 0; i < CASES; i++) {
                byte[] parent = corpus.get(random.nextInt(corpus.size()));
                byte[] mutant = mutate(parent, random);
                outcomes[check(mutant, i)]++;
            }
        });
        assertEquals(CASES, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[0] > CASES / 100, "too few mutants load (" + outcomes[0] + "): the fuzzer only tests "
                + "the first checks");
        assertTrue(outcomes[1] > CASES / 2, "too few mutants fail (" + outcomes[1] + ")");
    }

    /** 0 when the mutant loaded a finite model, 1 when it failed with the loader's exception. */
    private static int check(byte[] mutant, int index) {
        SavedModel loaded;
        try {
            loaded = ModelLoaderHardeningTest.decode(mutant);
        } catch (ModelFileException expected) {
            return 1;
        } catch (Throwable other) {
            throw new AssertionError("case " + index + " (seed " + SEED + ") threw " + other, other);
        }
        Network network = loaded.network();
        network.parameters().forEach(parameter -> finite(parameter.value().toDoubleArray(), parameter.name(), index));
        network.state().forEach(state -> finite(state.value().toDoubleArray(), state.name(), index));
        return 0;
    }

    private static void finite(double[] values, String name, int index) {
        if (!Arrays.stream(values).allMatch(Double::isFinite)) {
            fail("case " + index + " (seed " + SEED + ") loaded a non-finite value in " + name);
        }
    }

    private static byte[] mutate(byte[] parent, SplittableRandom random) {
        if (!ModelFileBytes.wellFormed(parent)) {
            return truncateOrFlip(parent, random);
        }
        return switch (random.nextInt(10)) {
            case 0 -> truncateOrFlip(parent, random);
            case 1, 2 -> ModelFileBytes.withHeader(parent, replaceNumber(ModelFileBytes.header(parent), random));
            case 3, 4 -> ModelFileBytes.withHeader(parent, insertToken(ModelFileBytes.header(parent), random));
            case 5 -> ModelFileBytes.withHeader(parent, deleteSpan(ModelFileBytes.header(parent), random));
            case 6 -> ModelFileBytes.withHeader(parent, duplicateSpan(ModelFileBytes.header(parent), random));
            case 7 -> editValues(parent, random);
            case 8 -> ModelFileBytes.withChecksum(flip(parent, random, 1 + random.nextInt(4)));
            default -> ModelFileBytes.withHeader(parent, replaceNumber(replaceNumber(ModelFileBytes.header(parent), random),
                    random));
        };
    }

    private static byte[] truncateOrFlip(byte[] parent, SplittableRandom random) {
        if (parent.length == 0 || random.nextBoolean()) {
            return Arrays.copyOf(parent, random.nextInt(parent.length + 1));
        }
        return flip(parent, random, 1);
    }

    private static byte[] flip(byte[] parent, SplittableRandom random, int count) {
        byte[] bytes = parent.clone();
        for (int k = 0; k < count; k++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private static String replaceNumber(String header, SplittableRandom random) {
        Matcher matcher = NUMBER.matcher(header);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return header;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return header.substring(0, span[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + header.substring(span[1]);
    }

    private static String insertToken(String header, SplittableRandom random) {
        int at = random.nextInt(header.length() + 1);
        String token = TOKENS[random.nextInt(TOKENS.length)];
        return header.substring(0, at) + token.repeat(1 + (random.nextInt(8) == 0 ? random.nextInt(200) : 0))
                + header.substring(at);
    }

    private static String deleteSpan(String header, SplittableRandom random) {
        int from = random.nextInt(header.length());
        int to = Math.min(header.length(), from + 1 + random.nextInt(12));
        return header.substring(0, from) + header.substring(to);
    }

    private static String duplicateSpan(String header, SplittableRandom random) {
        int from = random.nextInt(header.length());
        int to = Math.min(header.length(), from + 1 + random.nextInt(40));
        return header.substring(0, to) + header.substring(from, to) + header.substring(to);
    }

    private static byte[] editValues(byte[] parent, SplittableRandom random) {
        int count = ModelFileBytes.weights(parent).length / Float.BYTES;
        if (count == 0) {
            return ModelFileBytes.withChecksum(parent.clone());
        }
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -0f,
            Float.MIN_VALUE, 1e30f};
        return ModelFileBytes.withFloat(parent, random.nextInt(count), special[random.nextInt(special.length)]);
    }
}
