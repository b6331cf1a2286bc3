package dev.chainrule.examples.cli;

import dev.chainrule.core.io.SavedModel;
import dev.chainrule.examples.data.Task;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * What the tool saves in a model file's metadata besides the network, so that {@code evaluate}, {@code predict} and
 * {@code explain} treat data as training did. A model saved through the API without this metadata still loads: its
 * task follows from its output width and its inputs are used as given.
 *
 * @param dataset       the data set trained on: an embedded name, {@code fashion-mnist} or a CSV path
 * @param task          classification or regression
 * @param classes       class names in output order; empty for regression
 * @param preprocessing how raw rows become inputs
 * @param loss          the loss's spec
 * @param testSplit     the held-out fraction when training split the data itself, for {@code evaluate}
 * @param seed          the seed of that split
 * @param imageScaling  how training scaled image pixels (its offsets and scales are in {@code preprocessing});
 *                      {@link ImageScaling#MAX} for data without pixels and for files written before the choice
 */
record ModelInfo(String dataset, Task task, List<String> classes, Preprocessing preprocessing, String loss,
        OptionalDouble testSplit, OptionalLong seed, ImageScaling imageScaling) {

    ModelInfo {
        classes = List.copyOf(classes);
    }

    /** The metadata entries, all text. */
    Map<String, String> toMetadata(String optimizer) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("dataset", dataset);
        metadata.put("task", task.label());
        metadata.put("classes", String.join("\n", classes));
        metadata.put("feature_offset", numbers(preprocessing.featureOffset()));
        metadata.put("feature_scale", numbers(preprocessing.featureScale()));
        metadata.put("target_offset", Double.toString(preprocessing.targetOffset()));
        metadata.put("target_scale", Double.toString(preprocessing.targetScale()));
        metadata.put("loss", loss);
        metadata.put("optimizer", optimizer);
        testSplit.ifPresent(value -> metadata.put("test_split", Double.toString(value)));
        seed.ifPresent(value -> metadata.put("seed", Long.toString(value)));
        if (imageScaling != ImageScaling.MAX) {
            metadata.put(ImageScaling.KEY, imageScaling.label());
        }
        return metadata;
    }

    /** The information in a loaded model; what is missing is inferred from the network. */
    static ModelInfo of(SavedModel model, String source) {
        Map<String, String> metadata = model.metadata();
        int inputs = model.network().inputs();
        int outputs = model.network().outputs();
        try {
            Task task = metadata.containsKey("task") ? Task.fromLabel(metadata.get("task"))
                    : outputs == 1 ? Task.REGRESSION : Task.CLASSIFICATION;
            List<String> classes = task == Task.REGRESSION ? List.of()
                    : metadata.containsKey("classes") ? List.of(metadata.get("classes").split("\n", -1))
                    : IntStream.range(0, outputs).mapToObj(Integer::toString).toList();
            if (task == Task.CLASSIFICATION && classes.size() != outputs) {
                throw new IllegalArgumentException(classes.size() + " class names for " + outputs + " outputs");
            }
            Preprocessing preprocessing = metadata.containsKey("feature_offset")
                    ? new Preprocessing(numbers(metadata.get("feature_offset"), inputs, "feature_offset"),
                            positive(numbers(metadata.get("feature_scale"), inputs, "feature_scale"), "feature_scale"),
                            numbers(metadata.getOrDefault("target_offset", "0"), 1, "target_offset")[0],
                            positive(numbers(metadata.getOrDefault("target_scale", "1"), 1, "target_scale"),
                                    "target_scale")[0])
                    : Preprocessing.identity(inputs);
            String loss = metadata.getOrDefault("loss", task == Task.REGRESSION ? "mse" : "categorical_cross_entropy");
            OptionalDouble testSplit = metadata.containsKey("test_split")
                    ? OptionalDouble.of(Double.parseDouble(metadata.get("test_split"))) : OptionalDouble.empty();
            OptionalLong seed = metadata.containsKey("seed")
                    ? OptionalLong.of(Long.parseLong(metadata.get("seed"))) : OptionalLong.empty();
            ImageScaling imageScaling = ImageScaling.fromLabel(
                    metadata.getOrDefault(ImageScaling.KEY, ImageScaling.MAX.label()));
            return new ModelInfo(metadata.getOrDefault("dataset", ""), task, classes, preprocessing, loss, testSplit,
                    seed, imageScaling);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(source + " has unreadable metadata: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " has unreadable metadata: " + e.getMessage());
        }
    }

    /** {@code values}, each of which divides raw numbers: a scale of 0 or below would make every input meaningless. */
    private static double[] positive(double[] values, String key) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) {
                throw new IllegalArgumentException(key + " value " + (i + 1) + " is " + values[i]
                        + "; a scale must be > 0");
            }
        }
        return values;
    }

    private static String numbers(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] numbers(String text, int expected, String key) {
        double[] values = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
        if (values.length != expected) {
            throw new IllegalArgumentException(key + " has " + values.length + " values for " + expected + " inputs");
        }
        if (DoubleStream.of(values).anyMatch(value -> !Double.isFinite(value))) {
            throw new IllegalArgumentException(key + " holds a value that is not finite");
        }
        return values;
    }
}
