package dev.chainrule.core.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The work tensors of one tensor, for backends that implement {@link Tensor#scratch(int, Shape)}: one tensor per slot
 * and shape, created on first use and kept. At most {@value #CAPACITY} are kept; asking for more replaces the one
 * asked for least recently. Not thread-safe, like the tensor that owns it.
 */
public final class ScratchTensors {

    /** How many work tensors one tensor keeps at most. */
    public static final int CAPACITY = 8;

    private record Entry(int slot, Shape shape, Tensor tensor) {
    }

    private final List<Entry> entries = new ArrayList<>(2);

    /**
     * Work tensor {@code slot} of {@code owner} in {@code shape}: the kept one, or a new one from
     * {@code owner.newLike(shape)}, which is kept from now on.
     *
     * @param owner the tensor whose work tensors these are; not modified
     */
    public Tensor get(Tensor owner, int slot, Shape shape) {
        return get(owner, slot, shape.rows(), shape.columns(), shape);
    }

    /**
     * Work tensor {@code slot} of {@code owner} of {@code rows x columns}; see {@link #get(Tensor, int, Shape)}. Makes
     * no {@link Shape} when the tensor is kept already.
     */
    public Tensor get(Tensor owner, int slot, int rows, int columns) {
        return get(owner, slot, rows, columns, null);
    }

    private Tensor get(Tensor owner, int slot, int rows, int columns, Shape given) {
        if (slot < 0) {
            throw new IllegalArgumentException("scratch slots are numbered from 0, got " + slot);
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.slot() == slot && entry.shape().rows() == rows && entry.shape().columns() == columns) {
                if (i > 0) {
                    entries.remove(i);
                    entries.add(0, entry);
                }
                return entry.tensor();
            }
        }
        if (entries.size() == CAPACITY) {
            entries.remove(CAPACITY - 1);
        }
        Shape shape = given != null ? given : new Shape(rows, columns);
        Tensor created = owner.newLike(shape);
        entries.add(0, new Entry(slot, shape, created));
        return created;
    }
}
