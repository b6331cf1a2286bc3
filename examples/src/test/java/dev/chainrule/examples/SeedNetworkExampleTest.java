package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.examples.data.Digits;
import org.junit.jupiter.api.Test;

class SeedNetworkExampleTest {

    @Test
    void theSeedNetworkReachesNinetyPercentOnHeldOutDigits() {
        SeedNetworkExample.Result result = SeedNetworkExample.run(Chainrule.create("plain"), 42, 20,
                new TrainingListener() { });
        double accuracy = result.test().accuracy().orElseThrow();
        assertTrue(accuracy >= 0.90, "held-out accuracy " + accuracy);
        assertEquals(360, result.test().rows(), 1);
        assertEquals("64 inputs -> 64 tanh -> 48 sigmoid -> 32 relu -> 10 softmax", result.network().toString());
    }

    @Test
    void theEmbeddedDigitsAreComplete() {
        Dataset digits = Digits.load();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.featureCount());
        assertEquals(10, digits.targetCount());
        for (int r = 0; r < digits.size(); r++) {
            double sum = 0;
            for (double value : digits.targetRow(r)) {
                sum += value;
            }
            assertEquals(1, sum, "row " + r + " is not one-hot");
        }
    }

    @Test
    void xorExampleLearnsXor() {
        XorExample.Result result = XorExample.train(Chainrule.create("plain"), 1);
        assertTrue(result.history().last().loss() < 0.01, "loss " + result.history().last().loss());
    }
}
