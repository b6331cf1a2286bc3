package dev.chainrule.core.tensor;

/**
 * A matrix of numbers that lives on a {@link TensorBackend}. A tensor has a {@link Shape} and a {@link DType};
 * its elements can only be changed through backend operations that name it as their {@code out}.
 *
 * <p>The default methods here are the readable, allocating form of the backend's operations, for plugin code
 * where clarity matters more than reusing buffers: {@code z.map(UnaryOp.TANH)} is
 * {@code backend().unary(UnaryOp.TANH, z, z.newLike())}. None of them modifies {@code this}.
 */
public interface Tensor {

    /** The backend that holds this tensor. */
    TensorBackend backend();

    /** The element type. */
    DType dtype();

    /** The shape. */
    Shape shape();

    /** Number of rows. */
    default int rows() {
        return shape().rows();
    }

    /** Number of columns. */
    default int columns() {
        return shape().columns();
    }

    /** One element; slow on some backends, meant for tests and diagnostics. */
    double get(int row, int column);

    /** The elements in row-major order. */
    default double[] toDoubleArray() {
        return backend().toDoubleArray(this);
    }

    /** A new tensor of zeros with this tensor's backend, dtype and shape. */
    default Tensor newLike() {
        return backend().zeros(dtype(), shape());
    }

    /** A new tensor of zeros with this tensor's backend and dtype and the given shape. */
    default Tensor newLike(Shape shape) {
        return backend().zeros(dtype(), shape);
    }

    /**
     * Work tensor {@code slot} of this tensor: same backend and dtype, the given shape, contents undefined. It is meant
     * for a computation that writes this tensor as its {@code out} and needs intermediate results: an activation's
     * {@code forward} may keep {@code e^-|z|} in {@code out.scratch(0)} instead of a new tensor. Because a training
     * step reuses its output tensors from batch to batch, a plugin that takes its temporaries from there allocates
     * nothing once the first batch has run.
     *
     * <p>The rules: the same slot and shape give the same tensor, which is never this tensor nor the tensor of another
     * slot or shape; it belongs to whatever is computing this tensor right now, so keep nothing in it across a call
     * that writes this tensor (that call may use the same slot). A tensor keeps a few work tensors (the built-in
     * backends eight), so a computation uses a few slots. Like every tensor, it is not safe for use by several threads
     * at once.
     *
     * <p>The built-in backends create a slot's tensor on first use and return the same one afterwards; this default
     * returns a new tensor on every call, which is correct but allocates.
     *
     * @param slot  which work tensor, from 0; a computation uses a few small numbers
     * @param shape its shape
     */
    default Tensor scratch(int slot, Shape shape) {
        return newLike(shape);
    }

    /**
     * Work tensor {@code slot} of {@code rows x columns}; see {@link #scratch(int, Shape)}. The built-in backends make
     * no {@link Shape} for it once the tensor is kept, so a per-row temporary (a row maximum, say) costs nothing per
     * call; this default makes one.
     */
    default Tensor scratch(int slot, int rows, int columns) {
        return scratch(slot, new Shape(rows, columns));
    }

    /** Work tensor {@code slot} of this tensor's shape; see {@link #scratch(int, Shape)}. */
    default Tensor scratch(int slot) {
        return scratch(slot, shape());
    }

    /** A copy of this tensor. */
    default Tensor duplicate() {
        return backend().copy(this, newLike());
    }

    /** {@code op(this)} element by element. */
    default Tensor map(UnaryOp op) {
        return backend().unary(op, this, newLike());
    }

    /** {@code this op other} element by element, with {@code other} broadcast as {@link TensorBackend#binary} allows. */
    default Tensor zip(BinaryOp op, Tensor other) {
        return backend().binary(op, this, other, newLike());
    }

    /** {@code this op scalar} element by element. */
    default Tensor zip(BinaryOp op, double scalar) {
        return backend().binary(op, this, scalar, newLike());
    }

    /** {@code this + other}. */
    default Tensor add(Tensor other) {
        return zip(BinaryOp.ADD, other);
    }

    /** {@code this + scalar}. */
    default Tensor add(double scalar) {
        return zip(BinaryOp.ADD, scalar);
    }

    /** {@code this - other}. */
    default Tensor sub(Tensor other) {
        return zip(BinaryOp.SUB, other);
    }

    /** {@code this - scalar}. */
    default Tensor sub(double scalar) {
        return zip(BinaryOp.SUB, scalar);
    }

    /** {@code this * other}, element by element. */
    default Tensor mul(Tensor other) {
        return zip(BinaryOp.MUL, other);
    }

    /** {@code this * scalar}. */
    default Tensor mul(double scalar) {
        return zip(BinaryOp.MUL, scalar);
    }

    /** {@code this / other}, element by element. */
    default Tensor div(Tensor other) {
        return zip(BinaryOp.DIV, other);
    }

    /** {@code this / scalar}. */
    default Tensor div(double scalar) {
        return zip(BinaryOp.DIV, scalar);
    }

    /** {@code scalar - this}. */
    default Tensor rsub(double scalar) {
        return map(UnaryOp.NEG).zip(BinaryOp.ADD, scalar);
    }

    /** The matrix product {@code this x other}. */
    default Tensor matmul(Tensor other) {
        return backend().matmul(this, false, other, false, newLike(new Shape(rows(), other.columns())));
    }

    /** {@code mask != 0 ? this : other}, element by element; {@code mask} is usually the result of a comparison. */
    default Tensor where(Tensor mask, Tensor other) {
        return backend().where(mask, this, other, newLike());
    }

    /** The reduction of this tensor along {@code axis}. */
    default Tensor reduce(ReduceOp op, ReduceAxis axis) {
        return backend().reduce(op, axis, this, newLike(axis.resultShape(shape())));
    }

    /** The sum of all elements. */
    default double sum() {
        return backend().reduceAll(ReduceOp.SUM, this);
    }
}
