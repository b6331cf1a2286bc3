package dev.chainrule.examples.data;

import java.util.Locale;

/** What a data set's label means: a class or a number to predict. */
public enum Task {
    /** The label is one of a few classes. */
    CLASSIFICATION,
    /** The label is a real number. */
    REGRESSION;

    /** {@code classification} or {@code regression}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task with this label; an unknown label names the valid ones. */
    public static Task fromLabel(String label) {
        for (Task task : values()) {
            if (task.label().equals(label)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + label + "'; valid: classification, regression");
    }
}
