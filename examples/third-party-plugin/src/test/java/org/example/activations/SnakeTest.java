package org.example.activations;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.testkit.ActivationContract;
import org.junit.jupiter.api.Nested;

/** Snake passes Chainrule's activation contract at its default and at another frequency. */
class SnakeTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Snake();
    }

    @Nested
    class AtAlphaOneHalf implements ActivationContract {

        @Override
        public Activation activation() {
            return new Snake(0.5);
        }
    }
}
