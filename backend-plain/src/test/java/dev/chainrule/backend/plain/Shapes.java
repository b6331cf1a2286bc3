package dev.chainrule.backend.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The products that the kernel tests run: sizes that are not multiples of any tile (1, 7, 17, 33, 65, 130, 257),
 * single rows and columns, each with all four transpose cases.
 *
 * @param rows       rows of C
 * @param columns    columns of C
 * @param depth      the shared dimension
 * @param transposeA whether A is stored transposed
 * @param transposeB whether B is stored transposed
 */
record Shapes(int rows, int columns, int depth, boolean transposeA, boolean transposeB) {

    private static final int[] SMALL = {1, 7, 17, 33, 65};
    private static final int[] DEPTHS = {1, 17, 33};
    private static final int[][] LARGE = {
        {130, 257, 65}, {257, 130, 33}, {257, 1, 130}, {1, 257, 130}, {130, 130, 257}, {33, 257, 257},
    };

    /** Every small size combination and a few large ones, each with every transpose case. */
    static Stream<Shapes> sweep() {
        List<int[]> sizes = new ArrayList<>();
        for (int rows : SMALL) {
            for (int columns : SMALL) {
                for (int depth : DEPTHS) {
                    sizes.add(new int[] {rows, columns, depth});
                }
            }
        }
        sizes.addAll(List.of(LARGE));
        return withTransposes(sizes);
    }

    /** One product for each path of {@link MatrixMultiply}: tiny, few rows, blocked, blocked and shared. */
    static Stream<Shapes> paths() {
        return withTransposes(List.of(new int[] {7, 7, 7}, new int[] {1, 257, 130}, new int[] {4, 65, 33},
                new int[] {3, 130, 257}, new int[] {65, 33, 17}, new int[] {130, 257, 65}, new int[] {257, 130, 130},
                new int[] {33, 257, 257}, new int[] {257, 1, 65}, new int[] {1, 1, 257}, new int[] {65, 7, 1}));
    }

    private static Stream<Shapes> withTransposes(List<int[]> sizes) {
        return sizes.stream().flatMap(size -> Stream.of(false, true).flatMap(transposeA -> Stream.of(false, true)
                .map(transposeB -> new Shapes(size[0], size[1], size[2], transposeA, transposeB))));
    }

    /** Columns of A as stored. */
    int aColumns() {
        return transposeA ? rows : depth;
    }

    /** Columns of B as stored. */
    int bColumns() {
        return transposeB ? depth : columns;
    }

    /** Random elements for A. */
    double[] a(long seed) {
        return ReferenceProduct.random(rows * depth, seed);
    }

    /** Random elements for B. */
    double[] b(long seed) {
        return ReferenceProduct.random(depth * columns, seed + 1);
    }

    /** Checks that {@code c} is the reference product of {@code a} and {@code b}, bit for bit. */
    void check(String label, double[] a, double[] b, double[] c, boolean float32) {
        check(label, a, b, null, c, float32);
    }

    /** As {@link #check(String, double[], double[], double[], boolean)}, for C accumulated onto {@code start}. */
    void check(String label, double[] a, double[] b, double[] start, double[] c, boolean float32) {
        ReferenceProduct.assertExact(label + " " + this, a, transposeA, aColumns(), b, transposeB, bColumns(), rows,
                columns, depth, start, float32, c);
    }

    @Override
    public String toString() {
        return (transposeA ? "A^T " : "A ") + (transposeB ? "B^T " : "B ") + rows + "x" + depth + " by " + depth + "x"
                + columns;
    }
}
