package dev.chainrule.examples.cli;

import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.LabeledData;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Class labels matched by name: rows of another data set are renumbered into a model's classes, so that a row
 * labelled {@code y} is counted as {@code y} whatever its position in that data set; a label the model does not know
 * is an error naming it, never a silent reinterpretation.
 */
final class ClassLabels {

    private ClassLabels() {
    }

    /**
     * {@code data} with its labels renumbered into {@code modelClasses}, matched by name.
     *
     * @throws IllegalArgumentException naming every label of {@code data} that is not one of {@code modelClasses}
     */
    static LabeledData inModelOrder(LabeledData data, List<String> modelClasses) {
        if (data.classes().equals(modelClasses)) {
            return data;
        }
        List<String> unknown = data.classes().stream().filter(label -> !modelClasses.contains(label)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(data.name() + " has class labels that the model does not know: "
                    + String.join(", ", unknown) + "; the model's classes are: " + String.join(", ", modelClasses));
        }
        double[] labels = data.raw().targets().clone();
        for (int r = 0; r < labels.length; r++) {
            labels[r] = modelClasses.indexOf(data.classes().get((int) labels[r]));
        }
        Dataset raw = new Dataset(data.raw().features(), data.featureCount(), labels, 1);
        return new LabeledData(data.name(), data.task(), raw, modelClasses, data.pixelMax());
    }

    /** The classes of {@code data} that none of its rows has. */
    static List<String> missing(LabeledData data) {
        boolean[] seen = new boolean[data.classes().size()];
        for (double label : data.raw().targets()) {
            seen[(int) label] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                missing.add(data.classes().get(c));
            }
        }
        return missing;
    }

    /** Prints a warning to {@code err} when {@code part} of a classification data set lacks some classes. */
    static void warnIfMissing(PrintWriter err, LabeledData data, String part) {
        if (data.classes().isEmpty() || data.size() == 0) {
            return;
        }
        List<String> missing = missing(data);
        if (!missing.isEmpty()) {
            err.println("warning: " + part + " of " + data.name() + " has no row of class"
                    + (missing.size() == 1 ? " " : "es ") + String.join(", ", missing)
                    + (part.startsWith("the training") ? "; the model never learns " + (missing.size() == 1 ? "it"
                            : "them") : "; " + (missing.size() == 1 ? "its" : "their") + " recall is not measured"));
        }
    }
}
