package dev.chainrule.integration;

import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.ModelFileBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model files that broke the hand-written loader (issue 18), each built from a valid model by an edit that keeps
 * the checksum right; the reproducer test expects each to fail cleanly, and the fuzz test starts from all of them.
 */
final class ModelLoaderReproducers {

    private ModelLoaderReproducers() {
    }

    /** A valid float32 model of 4 inputs through dense, batch_norm, dropout and layer_norm layers to 3 outputs. */
    static byte[] valid() {
        Network network = Registries.networkBuilder(Backends.reference(), FeatureShape.flat(4)).dense(6, "relu")
                .layer("batch_norm(momentum=0.2)").layer("dropout(0.1)").dense(5, "tanh").layer("layer_norm")
                .dense(3, "softmax").dtype(DType.FLOAT32).seed(7).build();
        return ModelFile.encode(network, Map.of("dataset", "digits", "feature_scale", "1.0,2.0,3.0,4.0"));
    }

    /** Version 1 fixture, written before layers were plugins. */
    static byte[] versionOne() {
        try {
            return ModelFileVersionOneTest.fixture();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every reproducer by name. */
    static Map<String, byte[]> all() {
        byte[] valid = valid();
        String header = ModelFileBytes.header(valid);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("3,000 nested '[' in the header", ModelFileBytes.withHeader(valid,
                header.replace("\"metadata\":", "\"deep\":" + "[".repeat(3000) + "]".repeat(3000) + ",\"metadata\":")));
        cases.put("units 1,000,000,000", ModelFileBytes.withHeader(valid, header.replace("units=6", "units=1000000000")));
        cases.put("units 400,000,000", ModelFileBytes.withHeader(valid, header.replace("units=6", "units=400000000")));
        cases.put("units 2,147,483,647 with a matching stored shape", ModelFileBytes.withHeader(valid,
                header.replace("units=6", "units=2147483647").replace("\"rows\":4,\"columns\":6",
                        "\"rows\":4,\"columns\":2147483647")));
        cases.put("a NaN weight", ModelFileBytes.withFloat(valid, 2, Float.NaN));
        cases.put("an infinite state value", ModelFileBytes.withFloat(valid, ModelFileBytes.weights(valid).length / 4 - 1,
                Float.POSITIVE_INFINITY));
        cases.put("truncated at 8 bytes", Arrays.copyOf(valid, 8));
        cases.put("truncated at 15 bytes", Arrays.copyOf(valid, 15));
        cases.put("a header of 4 GB", headerLength(valid, 0xFFFFFFF0));
        cases.put("a number of 10,000 digits", ModelFileBytes.withHeader(valid,
                header.replace("\"inputs\":4", "\"inputs\":4" + "0".repeat(10_000))));
        cases.put("a duplicate key", ModelFileBytes.withHeader(valid, header.replace("\"inputs\":4",
                "\"inputs\":4,\"inputs\":4")));
        cases.put("text after the header", ModelFileBytes.withHeader(valid, header + "{}"));
        return cases;
    }

    private static byte[] headerLength(byte[] valid, int length) {
        byte[] bytes = valid.clone();
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12, length);
        return ModelFileBytes.withChecksum(bytes);
    }
}
