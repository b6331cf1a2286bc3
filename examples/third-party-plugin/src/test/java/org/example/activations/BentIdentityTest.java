package org.example.activations;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.testkit.ActivationContract;

/** The bent identity passes Chainrule's activation contract. */
class BentIdentityTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new BentIdentity();
    }
}
