package dev.chainrule.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForwardContextTest {

    @Test
    void anInferencePassDrawsNoRandomNumbers() {
        ForwardContext inference = ForwardContext.inference();
        assertFalse(inference.training());
        assertEquals("inference pass", inference.toString());
        IllegalStateException error = assertThrows(IllegalStateException.class, inference::random);
        assertEquals("an inference pass draws no random numbers; ask training() first", error.getMessage());
    }

    @Test
    void aTrainingPassGivesEveryCallerAStreamOfItsOwnThatRepeatsUnderTheSeed() {
        ForwardContext training = ForwardContext.training(7);
        assertTrue(training.training());
        assertEquals("training pass", training.toString());
        long first = training.random().nextLong();
        long second = training.random().nextLong();
        assertNotEquals(first, second, "each layer gets a stream of its own");

        ForwardContext again = ForwardContext.training(new SplittableRandom(7));
        assertEquals(first, again.random().nextLong());
        assertEquals(second, again.random().nextLong());
    }
}
