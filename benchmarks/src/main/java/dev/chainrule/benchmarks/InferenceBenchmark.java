package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Inference with the seed network ({@code Network.predict}) on a batch of 1 and of 1024 rows, on each backend. */
@State(Scope.Thread)
public class InferenceBenchmark {

    /** The backend's registry name. */
    @Param({"plain", "nd4j"})
    public String backend;

    /** Rows per prediction. */
    @Param({"1", "1024"})
    public int batch;

    private Network network;
    private Tensor x;

    /** Builds the network and a batch of random pixels. */
    @Setup
    public void setUp() {
        Chainrule chainrule = Chainrule.create(backend);
        network = SeedNetwork.build(chainrule);
        double[] pixels = new SplittableRandom(5).doubles((long) batch * SeedNetwork.INPUTS).toArray();
        x = chainrule.backend().fromArray(DType.FLOAT32, new Shape(batch, SeedNetwork.INPUTS), pixels);
    }

    /** The network's output for the batch. */
    @Benchmark
    public Tensor predict() {
        return network.predict(x);
    }
}
