package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class GemmShapeTest {

    @Test
    void aNumberIsASquare() {
        GemmShape square = GemmShape.parse("512");
        assertEquals(new Shape(512, 512), square.result());
        assertEquals(512, square.depth());
        assertEquals(2.0 * 512 * 512 * 512, square.flops());
        assertFalse(square.transposeA() || square.transposeB());
    }

    @Test
    void aTrailingTTransposesAnOperand() {
        GemmShape weightGradient = GemmShape.parse("128x784t * 128x256");
        assertTrue(weightGradient.transposeA());
        assertEquals(new Shape(784, 256), weightGradient.result());
        assertEquals(128, weightGradient.depth());

        GemmShape error = GemmShape.parse("128x256 * 784x256t");
        assertTrue(error.transposeB());
        assertEquals(new Shape(128, 784), error.result());
        assertEquals("128x256 * 784x256t", error.toString());
    }

    @Test
    void productsThatDoNotChainAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GemmShape.parse("128x784 * 128x256"));
        assertTrue(e.getMessage().contains("784 vs 128"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GemmShape.parse("128x784"));
    }

    @Test
    void theSeedStepHasElevenProducts() {
        List<String> step = GemmShape.seedStep();
        assertEquals(11, step.size());
        assertEquals("128x784 * 784x256", step.get(0));
        assertEquals("128x784t * 128x256", step.get(1));
        assertEquals("128x10 * 64x10t", step.get(10));
        double flops = step.stream().mapToDouble(shape -> GemmShape.parse(shape).flops()).sum();
        double firstLayerBackward = 2.0 * 128 * 784 * 256;
        assertEquals(6.0 * SeedNetwork.WEIGHTS * 128 - firstLayerBackward, flops, 1e-6);
    }

    @Test
    void theBenchmarkRunsTheSquaresAndTheSeedStep() throws NoSuchFieldException {
        String[] benchmarked = GemmBenchmark.class.getField("shape").getAnnotation(Param.class).value();
        List<String> expected = new ArrayList<>(GemmShape.SQUARES);
        expected.addAll(GemmShape.seedStep());
        assertEquals(expected, List.of(benchmarked));
    }
}
