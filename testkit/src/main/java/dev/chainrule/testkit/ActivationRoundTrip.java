package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.Map;

/** An activation survives its spec string and a model file: same spec, same parameters, same predictions. */
final class ActivationRoundTrip {

    private ActivationRoundTrip() {
    }

    /** Through the registry by its canonical spec, and binding keeps the spec. */
    static void spec(Activation activation, TensorBackend backend) {
        Activation recreated = Registration.specRoundTrips(Activation.class, activation);
        assertEquals(activation.spec(), recreated.bind(3, backend, DType.FLOAT64).spec(), "binding keeps the spec");
    }

    /**
     * A one-layer network with this activation, its parameters (the activation's own too) moved away from their
     * initial values, saved as a model file and loaded back onto the same backend: the layer's spec, every parameter
     * and the predictions come back exactly.
     */
    static void modelFile(Activation activation, TensorBackend backend) {
        PluginRegistry<Activation> registry = Registration.registry(Activation.class, activation);
        Network network = new NetworkBuilder(backend, registry::create, 3).dense(5, activation)
                .dtype(DType.FLOAT64).seed(3).build();
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            Tensor value = parameters.get(p).value();
            backend.binary(BinaryOp.ADD, value, 0.0625 * (p + 1), value);
        }
        String what = activation.spec() + " through a model file";
        Network loaded;
        try {
            loaded = ModelFile.decode(ModelFile.encode(network, Map.of()), activation.name() + ".crm", backend,
                    registry, null).network();
        } catch (ModelFileException e) {
            throw new AssertionError(what + ": the file does not load back: " + e.getMessage(), e);
        }
        assertEquals(activation.spec(), loaded.layers().get(0).outputActivation().orElseThrow().spec(), what + ": spec");
        assertEquals(parameters.size(), loaded.parameters().size(), what + ": parameter count");
        for (int p = 0; p < parameters.size(); p++) {
            assertArrayEquals(parameters.get(p).value().toDoubleArray(),
                    loaded.parameters().get(p).value().toDoubleArray(), what + ": " + parameters.get(p).name());
        }
        Tensor x = Points.uniform(backend, DType.FLOAT64, 4, 3, -2, 2, 23);
        assertArrayEquals(network.predict(x).toDoubleArray(), loaded.predict(x).toDoubleArray(),
                what + ": predictions");
    }
}
