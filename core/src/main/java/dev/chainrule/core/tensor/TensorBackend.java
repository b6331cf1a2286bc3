package dev.chainrule.core.tensor;

import dev.chainrule.core.plugin.Plugin;

/**
 * Does the arithmetic: creates tensors and runs the few primitive operations that the trainer, every activation,
 * loss and optimizer are written against. A new backend implements these and gets every plugin for free.
 *
 * <p>Conventions, for every operation:
 * <ul>
 *   <li>The tensor named {@code out} is <b>modified</b>: it receives the result and is returned. All other tensor
 *       arguments are <b>not modified</b>, except where an element-wise operation is given the same tensor as
 *       input and {@code out}, which is allowed and computes in place. {@link #matmul} and {@link #gatherRows}
 *       never allow {@code out} to alias an input.</li>
 *   <li>Every tensor must belong to this backend and have the same dtype as the others; shapes are checked and a
 *       mismatch names the operation and both shapes ({@link TensorChecks} does this for implementations).</li>
 *   <li>Arithmetic runs in the tensors' dtype.</li>
 * </ul>
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader}; they need a public no-argument
 * constructor that does no heavy work (native libraries load in {@link #availability()} or on first use).
 */
public interface TensorBackend extends Plugin {

    /** The backend's registry name, lower snake case, for example {@code plain}. */
    String name();

    /**
     * Rank in the automatic choice: the available backend with the highest priority wins. A backend whose speed
     * depends on how the JVM was started (a kernel that needs a module, say) may rank itself by what it finds, and
     * says why in {@link #priorityReason()}.
     */
    int priority();

    /**
     * Why this backend has its {@link #priority()} here, for the log of the automatic choice (for example "its Vector
     * API kernel is loaded, measured faster than nd4j"); empty when there is nothing to say.
     */
    default String priorityReason() {
        return "";
    }

    /**
     * Whether this backend can run here; a backend whose native library does not load says why. Called once by the
     * backend selection before the backend is used.
     */
    default BackendAvailability availability() {
        return BackendAvailability.ready();
    }

    /**
     * Whether this backend keeps its tensors' numbers in Java arrays on the heap, beside the application's own data.
     * The trainer then assembles each mini-batch from the data set's rows instead of uploading the whole set once:
     * here an uploaded copy would sit in the same memory as the set it copies (four times its size when the set keeps
     * images as bytes) and would spare no transfer. Default {@code false}: tensors in native or device memory, where
     * one upload spares a copy across the boundary for every batch.
     */
    default boolean storesTensorsOnHeap() {
        return false;
    }

    /** A new tensor of zeros. */
    Tensor zeros(DType dtype, Shape shape);

    /** A new tensor holding {@code rowMajor} (not modified), which must have {@code shape.size()} elements. */
    Tensor fromArray(DType dtype, Shape shape, double[] rowMajor);

    /** Copies {@code rowMajor} (not modified) into {@code out} (modified); sizes must agree. */
    Tensor assign(double[] rowMajor, Tensor out);

    /**
     * Copies {@code rowMajor} (not modified), whole rows of {@code out}'s width, into {@code out} (modified) from row
     * {@code firstRow} on; the other rows keep their values. This is how a data set too large to hold twice is
     * uploaded, a slice of rows at a time. The default reads all of {@code out} back, patches it and writes it again;
     * the built-in backends copy just the rows.
     */
    default Tensor assignRows(double[] rowMajor, int firstRow, Tensor out) {
        TensorChecks.rowsFit("assignRows", out.shape(), firstRow, rowMajor.length);
        double[] all = toDoubleArray(out);
        System.arraycopy(rowMajor, 0, all, firstRow * out.columns(), rowMajor.length);
        return assign(all, out);
    }

    /**
     * Copies {@code out}'s size of numbers of {@code rowMajor} (not modified), from {@code offset} on, into {@code out}
     * (modified), rounded to its dtype: how an application's {@code float} rows reach a tensor without being widened
     * to doubles on the way. The default widens them into a new array for {@link #assign(double[], Tensor)}; the
     * built-in backends copy them directly.
     */
    default Tensor assign(float[] rowMajor, int offset, Tensor out) {
        int size = out.shape().size();
        TensorChecks.arraySliceFits("assign", out.shape(), rowMajor.length, offset);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = rowMajor[offset + i];
        }
        return assign(values, out);
    }

    /** The elements of {@code source} (not modified) in row-major order, as doubles. */
    double[] toDoubleArray(Tensor source);

    /**
     * Copies the elements of {@code source} (not modified) in row-major order into {@code out} (modified), which must
     * have exactly {@code source.shape().size()} elements; returns {@code out}. For code that reads results back batch
     * after batch into one array. The default goes through {@link #toDoubleArray(Tensor)}, which allocates; the
     * built-in backends copy directly.
     */
    default double[] toDoubleArray(Tensor source, double[] out) {
        TensorChecks.arrayFits("toDoubleArray", source.shape(), out.length);
        double[] values = toDoubleArray(source);
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }

    /** {@code out = source}; shapes must agree. */
    Tensor copy(Tensor source, Tensor out);

    /** Sets every element of {@code out} to {@code value}. */
    Tensor fill(double value, Tensor out);

    /**
     * Matrix product {@code out = op(a) op(b)}, where {@code op} transposes its argument when the flag is set.
     * {@code out} must not alias {@code a} or {@code b}.
     */
    Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out);

    /**
     * A dense layer's pre-activation {@code out = a b + bias}: the product of {@code a} ({@code rows x inner}) and
     * {@code b} ({@code inner x columns}) with the {@code 1 x columns} row {@code bias} added to each of its rows, each
     * element rounded as {@link #matmul} and then {@link #binary} {@code ADD} round it, so that the result has the bits
     * of those two calls. A backend may add the bias while its product threads still hold their blocks of {@code out}
     * in cache. {@code out} must not alias {@code a}, {@code b} or {@code bias}.
     */
    default Tensor matmulBias(Tensor a, Tensor b, Tensor bias, Tensor out) {
        TensorChecks.noAlias("matmulBias", out, a, bias);
        matmul(a, false, b, false, out);
        return binary(BinaryOp.ADD, out, bias, out);
    }

    /** {@code out = op(x)} element by element. */
    Tensor unary(UnaryOp op, Tensor x, Tensor out);

    /**
     * {@code out = a op b} element by element. {@code b} has the shape of {@code a} or is broadcast: a {@code 1 x c}
     * row is applied to every row, an {@code r x 1} column to every column, a {@code 1 x 1} tensor to everything.
     * {@code out} has the shape of {@code a}.
     */
    Tensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out);

    /** {@code out = a op b} element by element with a scalar {@code b}. */
    Tensor binary(BinaryOp op, Tensor a, double b, Tensor out);

    /** {@code out = a + alpha * b}; the in-place form {@code out == a} is the optimizers' update. */
    Tensor addScaled(Tensor a, double alpha, Tensor b, Tensor out);

    /**
     * One Adam update (Kingma and Ba, 2015) of a parameter in place, element by element, in this order and in the
     * tensors' dtype:
     * <pre>
     * m = beta1 m + (1 - beta1) g        v = beta2 v + (1 - beta2) g^2
     * parameter = parameter - stepSize * m / (sqrt(v) + epsilon)
     * </pre>
     * where the caller has folded the bias corrections into {@code stepSize} and {@code epsilon}. The default runs the
     * primitives above, one pass each, using {@code work} for the intermediate; a backend may fuse them into one pass
     * over the five tensors, which must give the same numbers. All five tensors have one shape.
     *
     * @param parameter modified
     * @param gradient  {@code g}; not modified
     * @param m         the first moment; modified
     * @param v         the second moment; modified
     * @param work      scratch; modified
     */
    default void adamStep(Tensor parameter, Tensor gradient, Tensor m, Tensor v, double beta1, double beta2,
            double stepSize, double epsilon, Tensor work) {
        binary(BinaryOp.MUL, m, beta1, m);
        addScaled(m, 1 - beta1, gradient, m);
        unary(UnaryOp.SQUARE, gradient, work);
        binary(BinaryOp.MUL, v, beta2, v);
        addScaled(v, 1 - beta2, work, v);
        unary(UnaryOp.SQRT, v, work);
        binary(BinaryOp.ADD, work, epsilon, work);
        binary(BinaryOp.DIV, m, work, work);
        addScaled(parameter, -stepSize, work, parameter);
    }

    /** {@code out = mask != 0 ? ifTrue : ifFalse} element by element; all four have one shape. */
    Tensor where(Tensor mask, Tensor ifTrue, Tensor ifFalse, Tensor out);

    /** Reduces {@code x} along {@code axis} into {@code out}, whose shape is {@code axis.resultShape(x.shape())}. */
    Tensor reduce(ReduceOp op, ReduceAxis axis, Tensor x, Tensor out);

    /** Reduces every element of {@code x} to one number. */
    double reduceAll(ReduceOp op, Tensor x);

    /**
     * Copies rows of {@code source} into {@code out}: row {@code i} of {@code out} is row
     * {@code rowIndices[offset + i]} of {@code source}. This is how a mini-batch is drawn from a data set that
     * already lives on the backend. {@code out} must not alias {@code source}.
     */
    Tensor gatherRows(Tensor source, int[] rowIndices, int offset, Tensor out);

    /**
     * A two-dimensional convolution (cross-correlation, as in PyTorch) of every example: with {@code F} filters,
     * <pre>
     * out[n][f][oh][ow] = bias[f] + sum over c, kh, kw of kernel[f][c][kh][kw] * input[n][c][ih][iw]
     * ih = oh * stride - padTop + kh * dilation        iw = ow * stride - padLeft + kw * dilation
     * </pre>
     * where a tap in the padding reads zero. Examples are rows, channels-first: {@code input} is
     * {@code batch x window.inputSize()}, {@code out} {@code batch x F * window.positions()}. The default computes by
     * direct loops on host copies; backends lower it to their matrix product.
     *
     * @param kernel {@code F x window.patchSize()}, element {@code (f, (c * kernelHeight + kh) * kernelWidth + kw)};
     *               not modified
     * @param bias   {@code 1 x F}; not modified
     * @param out    modified; must not alias {@code input}
     */
    default Tensor conv2d(Window2d window, Tensor input, Tensor kernel, Tensor bias, Tensor out) {
        int filters = WindowChecks.convolution("conv2d", this, window, input, kernel, out);
        WindowChecks.bias("conv2d", this, input, filters, bias);
        return assign(HostWindows.convolution(window, toDoubleArray(input), toDoubleArray(kernel),
                toDoubleArray(bias), input.rows(), filters), out);
    }

    /**
     * The input gradient of {@link #conv2d}: {@code out = dE/d(input)} from {@code gradOutput = dE/d(output)}, the
     * transposed convolution with the same kernel.
     *
     * @param gradOutput {@code batch x F * window.positions()}; not modified
     * @param kernel     {@code F x window.patchSize()}; not modified
     * @param out        {@code batch x window.inputSize()}; modified
     */
    default Tensor conv2dInputGradient(Window2d window, Tensor gradOutput, Tensor kernel, Tensor out) {
        int filters = WindowChecks.convolution("conv2dInputGradient", this, window, out, kernel, gradOutput);
        return assign(HostWindows.convolutionInputGradient(window, toDoubleArray(gradOutput), toDoubleArray(kernel),
                out.rows(), filters), out);
    }

    /**
     * The parameter gradients of {@link #conv2d}, summed over the batch: {@code kernelOut = dE/d(kernel)} and
     * {@code biasOut = dE/d(bias)} from {@code gradOutput = dE/d(output)}.
     *
     * @param input      what the convolution was given; not modified
     * @param gradOutput {@code batch x F * window.positions()}; not modified
     * @param kernelOut  {@code F x window.patchSize()}; modified
     * @param biasOut    {@code 1 x F}; modified
     */
    default void conv2dKernelGradient(Window2d window, Tensor input, Tensor gradOutput, Tensor kernelOut,
            Tensor biasOut) {
        int filters = WindowChecks.convolution("conv2dKernelGradient", this, window, input, kernelOut, gradOutput);
        WindowChecks.bias("conv2dKernelGradient", this, input, filters, biasOut);
        double[] kernel = new double[kernelOut.shape().size()];
        double[] bias = new double[filters];
        HostWindows.convolutionKernelGradient(window, toDoubleArray(input), toDoubleArray(gradOutput), input.rows(),
                filters, kernel, bias);
        assign(kernel, kernelOut);
        assign(bias, biasOut);
    }

    /**
     * Pools every channel of every example window by window: {@code out[n][c][oh][ow]} is the {@link PoolOp} of
     * {@code input[n][c][ih][iw]} over the window's taps (see {@link #conv2d} for {@code ih} and {@code iw}).
     *
     * @param input {@code batch x window.inputSize()}; not modified
     * @param out   {@code batch x channels * window.positions()}; modified; must not alias {@code input}
     */
    default Tensor pool2d(PoolOp op, Window2d window, Tensor input, Tensor out) {
        WindowChecks.pooling("pool2d " + op, this, window, input, out);
        return assign(HostWindows.pool(op, window, toDoubleArray(input), input.rows()), out);
    }

    /**
     * The input gradient of {@link #pool2d}: {@code out = dE/d(input)} from {@code gradOutput = dE/d(output)}. A
     * maximum passes each window's gradient to its first largest input in window order (recomputed from
     * {@code input}); an average spreads it evenly over the window's taps.
     *
     * @param input      what the pooling was given; not modified
     * @param gradOutput {@code batch x channels * window.positions()}; not modified
     * @param out        {@code batch x window.inputSize()}; modified; must not alias the others
     */
    default Tensor pool2dInputGradient(PoolOp op, Window2d window, Tensor input, Tensor gradOutput, Tensor out) {
        WindowChecks.pooling("pool2dInputGradient " + op, this, window, input, gradOutput);
        TensorChecks.sameShape("pool2dInputGradient " + op, "out", input.shape(), out.shape());
        TensorChecks.noAlias("pool2dInputGradient " + op, out, input, gradOutput);
        return assign(HostWindows.poolInputGradient(op, window, toDoubleArray(input), toDoubleArray(gradOutput),
                input.rows()), out);
    }
}
