package dev.chainrule.backend.plain;

/**
 * The {@link Layout}s of the examples of a batch, kept from call to call so that a convolution's per-example products
 * allocate nothing in steady state: the layout of example {@code n} starts at {@code n * step}. A few families
 * ({@code step}, strides) are kept at once, the least recently created replaced; not thread-safe (one per thread).
 */
final class ExampleLayouts {

    private static final int FAMILIES = 8;

    private final int[][] keys = new int[FAMILIES][];
    private final Layout[][] layouts = new Layout[FAMILIES][];
    private int next;

    /** The layout of example {@code n}: offset {@code n * step} and the given strides. */
    Layout of(int n, int step, int rowStride, int columnStride) {
        int f = 0;
        while (f < FAMILIES && !(keys[f] != null && keys[f][0] == step && keys[f][1] == rowStride
                && keys[f][2] == columnStride)) {
            f++;
        }
        if (f == FAMILIES) {
            f = next;
            next = (next + 1) % FAMILIES;
            keys[f] = new int[] {step, rowStride, columnStride};
            layouts[f] = new Layout[0];
        }
        if (layouts[f].length <= n) {
            Layout[] family = new Layout[Math.max(n + 1, Math.max(64, 2 * layouts[f].length))];
            for (int i = 0; i < family.length; i++) {
                family[i] = new Layout(i * step, rowStride, columnStride);
            }
            layouts[f] = family;
        }
        return layouts[f][n];
    }
}
