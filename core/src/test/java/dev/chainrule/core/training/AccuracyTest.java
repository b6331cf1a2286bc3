package dev.chainrule.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccuracyTest {

    @ParameterizedTest(name = "{0} outputs, {1} targets: {2}")
    @CsvSource({"2, 1, true", "3, 3, true", "3, 2, false", "1, 1, false", "2, 3, false"})
    void onlyClassLabelsOrOneTargetPerClassOfSeveralOutputsAreAClassification(int outputs, int targets,
            boolean applies) {
        assertEquals(applies, Accuracy.applies(outputs, targets));
    }

    @Test
    void aRowIsCorrectWhenItsLargestOutputIsAtTheLabel() {
        double[] outputs = {0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.2, 0.2, 0.6, 0.3, 0.3, 0.4};
        assertEquals(3, Accuracy.correct(outputs, 3, new double[] {1, 0, 2, 0}, 1));
        assertEquals(2, Accuracy.correct(outputs, 3, new double[] {1, 1, 0, 2}, 1));
        assertEquals(0, Accuracy.correct(outputs, 3, new double[] {0, 2, 0, 1}, 1));
    }

    @Test
    void aRowIsCorrectWhenItsLargestOutputIsAtTheLargestTarget() {
        double[] outputs = {0.1, 0.9, 0.8, 0.2, 0.4, 0.6};
        double[] soft = {0.3, 0.7, 0.6, 0.4, 0.9, 0.1};
        assertEquals(2, Accuracy.correct(outputs, 2, soft, 2));
        assertEquals(1, Accuracy.correct(outputs, 2, new double[] {0, 1, 0, 1, 1, 0}, 2));
    }

    @Test
    void argmaxTakesTheFirstOfTiesWithinItsWindow() {
        double[] values = {9, 1, 3, 3, 2, 9};
        assertEquals(1, Accuracy.argmax(values, 1, 4));
        assertEquals(0, Accuracy.argmax(values, 2, 2));
        assertEquals(2, Accuracy.argmax(values, 3, 3));
        assertEquals(0, Accuracy.argmax(values, 4, 1));
    }
}
