package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.FashionMnist;
import dev.chainrule.examples.data.LabeledData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistCompactTest {

    @Test
    void theCompactSetHoldsThePixelsOver255AndOneHotLabels(@TempDir Path folder) throws IOException {
        Path files = TinyFashionMnist.write(folder.resolve("fmnist"), 12, 5);
        LabeledData.Split raw = FashionMnist.load(files, 0);
        Dataset training = FashionMnist.compact(files, true, 0);
        Dataset test = FashionMnist.compact(files, false, 3);
        assertEquals(12, training.size());
        assertEquals(3, test.size());
        assertEquals(784, training.featureCount());
        assertEquals(10, training.targetCount());
        for (int row = 0; row < 12; row++) {
            double[] pixels = raw.first().raw().featureRow(row);
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] /= 255;
            }
            assertArrayEquals(pixels, training.featureRow(row), 1e-15);
            double[] oneHot = new double[10];
            oneHot[(int) raw.first().raw().targets()[row]] = 1;
            assertArrayEquals(oneHot, training.targetRow(row));
        }
    }

    @Test
    void thePreprocessedImagesAreThePixelsDividedBy255Exactly(@TempDir Path folder) throws IOException {
        Path files = TinyFashionMnist.write(folder.resolve("fmnist"), 12, 5);
        LabeledData raw = FashionMnist.load(files, 0).first();
        Dataset prepared = Preprocessing.fit(raw, Domain.ONE_HOT).apply(raw, Domain.ONE_HOT);
        double[] pixels = raw.raw().features();
        double[] expected = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(Math.rint(pixels[i]), pixels[i]);
            expected[i] = pixels[i] / 255;
        }
        assertArrayEquals(expected, prepared.features());
        assertEquals(10, prepared.targetCount());
    }
}
