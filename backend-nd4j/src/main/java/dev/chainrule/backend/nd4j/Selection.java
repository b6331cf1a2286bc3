package dev.chainrule.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarNotEquals;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndReplace;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Condition;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Element-wise choice between two arrays by a mask, and BOOL masks turned into {@code 0/1} numbers, all in native
 * code.
 *
 * <p>ND4J's own {@code select} reads and writes element by element through generic accessors and is about a hundred
 * times slower than its other kernels, so the choice is composed from fast ones. {@code CompareAndReplace} keeps
 * {@code y} where a condition on {@code x} holds and {@code x} elsewhere; with {@code x} a mask of {@code -1} (take)
 * and {@code -0} (leave) it yields the chosen values with {@code -0} in the other places, and adding the two halves
 * gives exactly the chosen value, since {@code v + (-0) == v} for every {@code v}, including {@code -0}, infinities
 * and NaN.
 */
final class Selection {

    private static final Condition TAKE = Conditions.lessThan(-0.5);

    private Selection() {
    }

    /** {@code out = mask ? 1 : 0} in {@code out}'s type, from a BOOL {@code mask}. */
    static void toNumbers(INDArray mask, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("cast").addInputs(mask).addOutputs(out)
                .addIntegerArguments(out.dataType().toInt()).build());
    }

    /**
     * {@code out = mask != 0 ? ifTrue : ifFalse}; {@code out} may be any of the inputs.
     *
     * @param bool   a BOOL scratch array of {@code out}'s shape
     * @param first  a scratch array of {@code out}'s type and shape
     * @param second another one
     */
    static void where(INDArray mask, INDArray ifTrue, INDArray ifFalse, INDArray out, INDArray bool, INDArray first,
            INDArray second) {
        Nd4j.exec(new ScalarNotEquals(mask, bool, 0.0));
        takeMinusOne(bool, first);
        Nd4j.exec(new ScalarAdd(first, null, second, 1.0));
        Nd4j.exec(new Negative(second, second));
        keep(first, ifTrue, first);
        keep(second, ifFalse, second);
        Nd4j.exec(new AddOp(first, second, out));
    }

    /**
     * {@code out = taken ? ifTrue : ifFalse} for a BOOL {@code taken}, overwriting {@code ifTrue} and {@code ifFalse},
     * which must be scratch arrays distinct from each other and from {@code out}.
     */
    static void choose(INDArray taken, INDArray ifTrue, INDArray ifFalse, INDArray out) {
        takeMinusOne(taken, out);
        keep(out, ifTrue, ifTrue);
        Nd4j.exec(new ScalarAdd(out, null, out, 1.0));
        Nd4j.exec(new Negative(out, out));
        keep(out, ifFalse, ifFalse);
        Nd4j.exec(new AddOp(ifTrue, ifFalse, out));
    }

    /** {@code selector = taken ? -1 : -0}. */
    private static void takeMinusOne(INDArray taken, INDArray selector) {
        toNumbers(taken, selector);
        Nd4j.exec(new Negative(selector, selector));
    }

    /** {@code into = selector == -1 ? values : selector}, that is the values where taken and {@code -0} elsewhere. */
    private static void keep(INDArray selector, INDArray values, INDArray into) {
        Nd4j.exec(new CompareAndReplace(selector, values, into, TAKE));
    }
}
