package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One FLOAT32 matrix product into a preallocated result, as a training step runs it: squares of 64 to 1024, and the
 * eleven products of the seed network's step at batch 128 ({@link GemmShape#seedStep()}), on each backend.
 */
@State(Scope.Thread)
public class GemmBenchmark {

    /** The backend's registry name. */
    @Param({"plain", "nd4j"})
    public String backend;

    /** The product, as {@link GemmShape#parse} reads it; the squares, then the seed network's step. */
    @Param({"64", "128", "256", "512", "1024",
            "128x784 * 784x256", "128x784t * 128x256",
            "128x256 * 256x128", "128x256t * 128x128", "128x128 * 256x128t",
            "128x128 * 128x64", "128x128t * 128x64", "128x64 * 128x64t",
            "128x64 * 64x10", "128x64t * 128x10", "128x10 * 64x10t"})
    public String shape;

    private TensorBackend tensors;
    private GemmShape product;
    private Tensor a;
    private Tensor b;
    private Tensor c;

    /** Creates the operands, filled with random numbers in [-1, 1). */
    @Setup
    public void setUp() {
        tensors = Chainrule.create(backend).backend();
        product = GemmShape.parse(shape);
        SplittableRandom random = new SplittableRandom(1);
        a = random(product.a(), random);
        b = random(product.b(), random);
        c = tensors.zeros(DType.FLOAT32, product.result());
    }

    /** {@code C = op(A) op(B)}. */
    @Benchmark
    public Tensor multiply() {
        return tensors.matmul(a, product.transposeA(), b, product.transposeB(), c);
    }

    private Tensor random(Shape shape, SplittableRandom random) {
        double[] values = random.doubles(shape.size(), -1, 1).toArray();
        return tensors.fromArray(DType.FLOAT32, shape, values);
    }
}
