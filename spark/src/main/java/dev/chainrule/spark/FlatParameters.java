package dev.chainrule.spark;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/** A network's parameters as one array of Java numbers, in the order of {@link Network#parameters()}. */
final class FlatParameters {

    private FlatParameters() {
    }

    /** The number of values of all of {@code parameters}. */
    static int size(List<Parameter> parameters) {
        long total = parameters.stream().mapToLong(parameter -> parameter.value().shape().size()).sum();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the network has " + total + " parameters, more than one array holds");
        }
        return (int) total;
    }

    /** Every parameter's values, concatenated. */
    static double[] of(Network network) {
        List<Parameter> parameters = network.parameters();
        double[] flat = new double[size(parameters)];
        int offset = 0;
        for (Parameter parameter : parameters) {
            double[] values = parameter.value().toDoubleArray();
            System.arraycopy(values, 0, flat, offset, values.length);
            offset += values.length;
        }
        return flat;
    }

    /** Writes {@code flat} into the parameters of {@code network}; the array must have {@link #size} values. */
    static void set(Network network, double[] flat) {
        List<Parameter> parameters = network.parameters();
        if (flat.length != size(parameters)) {
            throw new IllegalArgumentException("the network has " + size(parameters) + " parameters, got " + flat.length
                    + " values");
        }
        int offset = 0;
        for (Parameter parameter : parameters) {
            offset = copyInto(flat, offset, parameter.value());
        }
    }

    /** Copies {@code tensor.size} values of {@code flat} from {@code offset} into {@code tensor}; returns the next offset. */
    static int copyInto(double[] flat, int offset, Tensor tensor) {
        int size = (int) tensor.shape().size();
        double[] values = new double[size];
        System.arraycopy(flat, offset, values, 0, size);
        tensor.backend().copy(tensor.backend().fromArray(tensor.dtype(), tensor.shape(), values), tensor);
        return offset + size;
    }
}
