package dev.chainrule.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EmbeddedDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"digits, 1797, 64, 10", "iris, 150, 4, 3", "wine, 178, 13, 3", "breast_cancer, 569, 30, 2",
        "diabetes, 442, 10, 0"})
    void everyEmbeddedDataSetLoadsWhole(String name, int rows, int features, int classes) {
        LabeledData data = EmbeddedData.load(name);
        assertEquals(rows, data.size());
        assertEquals(features, data.featureCount());
        assertEquals(classes, data.classes().size());
        assertEquals(classes == 0 ? Task.REGRESSION : Task.CLASSIFICATION, data.task());
    }

    @Test
    void classNamesComeFromTheHeaders() {
        assertEquals(List.of("setosa", "versicolor", "virginica"), EmbeddedData.load("iris").classes());
        assertEquals(List.of("malignant", "benign"), EmbeddedData.load("breast_cancer").classes());
    }

    @Test
    void diabetesTargetsAreDiseaseProgression() {
        double[] targets = EmbeddedData.load("diabetes").raw().targets();
        assertEquals(151, targets[0]);
        assertTrue(java.util.Arrays.stream(targets).allMatch(value -> value >= 25 && value <= 346));
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EmbeddedData.load("mnist"));
        assertTrue(error.getMessage().contains("digits, iris, wine, breast_cancer, diabetes"), error.getMessage());
    }
}
