package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Backpropagation;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inference with the seed network on a batch of 1 and of 1024 rows, on each backend, through the buffer-reusing
 * inference pass ({@link Backpropagation#forward(Tensor)}, which keeps its activations from call to call, as a
 * serving predictor would) rather than {@code Network.predict}, which allocates every layer's output on every call.
 */
@State(Scope.Thread)
public class InferenceBenchmark {

    /** The backend's registry name. */
    @Param({"plain", "nd4j"})
    public String backend;

    /** Rows per prediction. */
    @Param({"1", "1024"})
    public int batch;

    private Backpropagation pass;
    private Tensor x;

    /** Builds the network, its inference pass and a batch of random pixels. */
    @Setup
    public void setUp() {
        Chainrule chainrule = Chainrule.create(backend);
        Network network = SeedNetwork.build(chainrule);
        pass = new Backpropagation(network, chainrule.loss(SeedNetwork.LOSS), true);
        double[] pixels = new SplittableRandom(5).doubles((long) batch * SeedNetwork.INPUTS).toArray();
        x = chainrule.backend().fromArray(DType.FLOAT32, new Shape(batch, SeedNetwork.INPUTS), pixels);
    }

    /** The network's output (softmax probabilities) for the batch. */
    @Benchmark
    public Tensor predict() {
        return pass.forward(x).activation(SeedNetwork.LAYERS);
    }
}
