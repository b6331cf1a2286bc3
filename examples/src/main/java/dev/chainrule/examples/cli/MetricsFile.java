package dev.chainrule.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The JSON history of a training run: the run's settings, every epoch's loss, accuracy, validation figures and speed,
 * whether early stopping ended it, and the test results.
 */
final class MetricsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsFile() {
    }

    /** Writes the history; {@code run} holds the settings and {@code test} the held-out results. */
    static void write(Map<String, Object> run, TrainingHistory history, Map<String, Object> test, Path file)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>(run);
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochResult epoch : history.epochs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("epoch", epoch.epoch());
            entry.put("loss", epoch.loss());
            entry.put("accuracy", value(epoch.accuracy()));
            entry.put("validation_loss", value(epoch.validationLoss()));
            entry.put("validation_accuracy", value(epoch.validationAccuracy()));
            entry.put("seconds", epoch.seconds());
            entry.put("samples_per_second", epoch.samplesPerSecond());
            epochs.add(entry);
        }
        root.put("epochs", epochs);
        root.put("stopped_early", history.stoppedEarly());
        root.put("best_epoch", history.bestEpoch());
        root.put("test", test);
        KeptFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
