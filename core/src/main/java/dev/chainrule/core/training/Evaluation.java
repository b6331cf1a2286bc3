package dev.chainrule.core.training;

import java.util.OptionalDouble;

/**
 * A network's loss and, for classification, accuracy on a data set.
 *
 * @param loss     mean loss over the rows
 * @param accuracy fraction of rows whose largest output is the target class, for classification
 * @param rows     number of rows evaluated
 */
public record Evaluation(double loss, OptionalDouble accuracy, int rows) {
}
