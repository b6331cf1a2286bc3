package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.EmbeddedData;
import dev.chainrule.examples.data.FashionMnist;
import dev.chainrule.examples.data.LabeledData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageScalingTest {

    @TempDir
    Path folder;

    @Test
    void standardiseGivesEveryPixelPositionMeanZeroAndDeviationOneOverTheTrainingRows() throws IOException {
        LabeledData raw = FashionMnist.load(TinyFashionMnist.write(folder.resolve("fmnist"), 30, 5), 0).first();
        Preprocessing fitted = Preprocessing.fit(raw, Domain.ONE_HOT, ImageScaling.STANDARDISE);
        double[] pixels = raw.raw().features();
        int width = raw.featureCount();
        for (int c = 0; c < width; c++) {
            double sum = 0;
            for (int r = 0; r < raw.size(); r++) {
                sum += pixels[r * width + c];
            }
            double mean = sum / raw.size();
            double squares = 0;
            for (int r = 0; r < raw.size(); r++) {
                squares += (pixels[r * width + c] - mean) * (pixels[r * width + c] - mean);
            }
            assertEquals(mean, fitted.featureOffset()[c], 1e-9, "pixel " + c);
            assertEquals(Math.sqrt(squares / raw.size()), fitted.featureScale()[c], 1e-9, "pixel " + c);
        }
        Dataset prepared = fitted.apply(raw, Domain.ONE_HOT);
        for (int r = 0; r < raw.size(); r++) {
            double[] row = prepared.featureRow(r);
            for (int c = 0; c < width; c++) {
                assertEquals((pixels[r * width + c] - fitted.featureOffset()[c]) / fitted.featureScale()[c], row[c],
                        "row " + r + ", pixel " + c);
            }
        }
        assertNotEquals(fitted.featureScale()[0], fitted.featureScale()[28 * 14 + 14]);
    }

    @ParameterizedTest
    @EnumSource(ImageScaling.class)
    void dataWithoutPixelsIsStandardisedWhateverTheImageScaling(ImageScaling scaling) {
        LabeledData iris = EmbeddedData.load("iris");
        assertEquals(Preprocessing.fit(iris, Domain.ONE_HOT), Preprocessing.fit(iris, Domain.ONE_HOT, scaling));
    }

    @Test
    void maxDividesByTheLargestPixelValue() throws IOException {
        LabeledData raw = FashionMnist.load(TinyFashionMnist.write(folder.resolve("fmnist"), 12, 5), 0).first();
        Preprocessing fitted = Preprocessing.fit(raw, Domain.ONE_HOT, ImageScaling.MAX);
        assertArrayEquals(new double[raw.featureCount()], fitted.featureOffset());
        for (double scale : fitted.featureScale()) {
            assertEquals(255, scale);
        }
    }

    @Test
    void standardisedTrainingIsSavedAndEvaluatedAsTrained() throws IOException {
        Path data = TinyFashionMnist.write(folder.resolve("fashion"), 60, 20);
        Path out = folder.resolve("run");
        Cli.Run run = Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--layers",
                "8:relu", "--epochs", "3", "--validation-split", "0", "--image-scaling", "standardise", "--out-dir",
                out.toString()).succeeded();
        assertTrue(run.out().contains("image scaling standardise"), run.out());
        Path model = out.resolve("model.crm");
        SavedModel saved = Chainrule.create("plain").load(model);
        assertEquals("standardise", saved.metadata().get(ImageScaling.KEY));
        ModelInfo info = ModelInfo.of(saved, model.toString());
        assertEquals(ImageScaling.STANDARDISE, info.imageScaling());
        LabeledData training = FashionMnist.load(data, 0).first();
        assertEquals(Preprocessing.fit(training, Domain.ONE_HOT, ImageScaling.STANDARDISE), info.preprocessing());

        Cli.Run evaluation = Cli.run("evaluate", "--model", model.toString(), "--data-dir", data.toString())
                .succeeded();
        assertEquals(percent(run.out(), "test accuracy ([0-9.]+)%"), percent(evaluation.out(), "accuracy ([0-9.]+)%"));
        assertEquals("standardise", Cli.json(out.resolve("metrics.json")).get("image_scaling").asText());

        LabeledData test = FashionMnist.load(data, 0).second();
        String pixels = Arrays.stream(test.raw().featureRow(3)).mapToObj(value -> Long.toString((long) value))
                .collect(Collectors.joining(","));
        Cli.Run prediction = Cli.runWithInput(pixels + "\n", "predict", "--model", model.toString(), "--probabilities")
                .succeeded();
        double[] expected = saved.network().predict(
                new double[][] {info.preprocessing().apply(test, Domain.ONE_HOT).featureRow(3)})[0];
        String[] cells = prediction.out().lines().toList().get(1).split(",");
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], Double.parseDouble(cells[3 + c]), 1e-5 * expected[c] + 1e-12, "class " + c);
        }
    }

    @Test
    void aModelFileWithoutTheEntryLoadsAsMaxAndAnUnknownValueIsNamed() throws IOException {
        Path data = TinyFashionMnist.write(folder.resolve("fashion"), 20, 10);
        Path out = folder.resolve("run");
        Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--layers", "4:relu",
                "--epochs", "1", "--out-dir", out.toString()).succeeded();
        SavedModel saved = Chainrule.create("plain").load(out.resolve("model.crm"));
        assertTrue(!saved.metadata().containsKey(ImageScaling.KEY), saved.metadata().keySet().toString());
        assertEquals(ImageScaling.MAX, ModelInfo.of(saved, "old.crm").imageScaling());
        Map<String, String> metadata = new HashMap<>(saved.metadata());
        metadata.put(ImageScaling.KEY, "sqrt");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ModelInfo.of(new SavedModel(saved.network(), metadata), "odd.crm"));
        assertTrue(unknown.getMessage().contains("odd.crm") && unknown.getMessage().contains("image_scaling"),
                unknown.getMessage());
    }

    @Test
    void imageScalingIsRefusedForDataWithoutPixels() {
        Cli.Run iris = Cli.run("train", "--dataset", "iris", "--image-scaling", "standardise", "--epochs", "1",
                "--out-dir", folder.resolve("iris").toString()).failed(2);
        assertTrue(iris.err().contains("--image-scaling applies to image data sets")
                && iris.err().contains("iris has no image pixels"), iris.err());
        Cli.run("train", "--image-scaling", "sqrt", "--epochs", "1").failed(2);
    }

    private static String percent(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }
}
