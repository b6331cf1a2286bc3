package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of a {@link TensorBackend}: implement this interface in one test class, name the backend in
 * {@link #backend()}, and JUnit runs every check below on it in both dtypes. Every operation is compared with a
 * straightforward double-precision definition written independently of every backend, not with another backend.
 * Where the backend cannot start here ({@link TensorBackend#availability()}), the checks are skipped with its reason.
 *
 * <ul>
 *   <li><b>Creation and transfer</b>: {@code zeros}, {@code fromArray}, {@code assign}, {@code fill}, {@code copy}
 *       and {@code toDoubleArray} keep row-major order and round to the dtype.</li>
 *   <li><b>Arithmetic</b>: {@code matmul} for every transpose and shape, {@code matmulBias} as {@code matmul} then
 *       the bias added, bit for bit; every unary and binary operation, in every
 *       broadcast form, into a fresh output and in place, with infinities, NaN and signed zeros as Java has them;
 *       {@code expm1} and {@code log1p} precise near zero; {@code erf} the error function; comparisons exactly 0 or 1;
 *       {@code addScaled} and {@code where} into any operand; every reduction along both axes and over all;
 *       {@code gatherRows} from an offset; {@code conv2d}, {@code pool2d} and their gradients
 *       against naive loops for every stride, padding and dilation. Inputs are never modified.</li>
 *   <li><b>Refusals</b>: mismatched shapes (naming both), tensors of another backend or dtype, outputs that alias
 *       the inputs of {@code matmul} and {@code gatherRows}, and row indices out of range are
 *       {@link IllegalArgumentException}s before anything is written.</li>
 *   <li><b>Names</b>: lower snake case, registered for discovery.</li>
 * </ul>
 *
 * <p>A complete test:
 * <pre>{@code
 * class ArrayBackendTest implements TensorBackendContract {
 *     @Override
 *     public TensorBackend backend() {
 *         return new ArrayBackend();
 *     }
 * }
 * }</pre>
 */
public interface TensorBackendContract {

    /** The backend under test; tensors made by one call's result must work with the same result. */
    TensorBackend backend();

    /** Creation and transfer keep row-major order and round to the dtype. */
    @TestFactory
    default Stream<DynamicTest> createsAndTransfersTensors() {
        return Stream.of(
                inBothDTypes("assign and toDoubleArray", TensorBackendChecks::assignAndToDoubleArrayRoundTripInRowMajorOrder),
                inBothDTypes("assign from floats at an offset", TensorBackendChecks::assignFromFloatsTakesTheSliceRounded),
                inBothDTypes("zeros, fill and copy", TensorBackendChecks::zerosFillAndCopyWriteEveryElement))
                .flatMap(tests -> tests);
    }

    /**
     * The Adam update ({@link TensorBackend#adamStep}, fused or the default) matches its definition, and a fused one
     * gives bit for bit the numbers of the passes that define it ({@link AdamStepCheck}).
     */
    @TestFactory
    default Stream<DynamicTest> updatesLikeAdam() {
        return Stream.concat(inBothDTypes("adamStep", TensorBackendChecks::adamStepMatchesItsDefinition),
                inBothDTypes("adamStep bit for bit as its passes",
                        TensorBackendChecks::adamStepMatchesItsPassesBitForBit));
    }

    /** {@code matmul} is the triple loop for every transpose and shape. */
    @TestFactory
    default Stream<DynamicTest> multipliesMatrices() {
        return inBothDTypes("every transpose and shape",
                TensorBackendChecks::matmulMatchesTheTripleLoopForEveryTransposeAndShape);
    }

    /** {@code matmulBias} is {@code matmul} then the bias row added, bit for bit. */
    @TestFactory
    default Stream<DynamicTest> addsTheBiasToAProduct() {
        return inBothDTypes("as matmul then binary ADD", TensorBackendChecks::matmulBiasIsTheProductThenTheBiasBitForBit);
    }

    /** Every unary operation matches its definition. */
    @TestFactory
    default Stream<DynamicTest> appliesUnaryOperations() {
        return Stream.of(
                inBothDTypes("into a fresh output and in place",
                        TensorElementwiseChecks::everyUnaryOpMatchesItsDefinitionIntoAFreshOutputAndInPlace),
                inBothDTypes("infinities, NaN and signed zeros",
                        TensorElementwiseChecks::everyUnaryOpTreatsInfinitiesNaNAndSignedZerosAsJavaDoes),
                inBothDTypes("expm1 and log1p near zero",
                        TensorElementwiseChecks::expm1AndLog1pKeepTheirRelativePrecisionNearZero),
                inBothDTypes("erf", TensorElementwiseChecks::erfIsTheErrorFunctionNotAnApproximation))
                .flatMap(tests -> tests);
    }

    /** Every binary operation matches its definition in every broadcast form. */
    @TestFactory
    default Stream<DynamicTest> appliesBinaryOperations() {
        return Stream.of(
                inBothDTypes("every broadcast form and in place",
                        TensorElementwiseChecks::everyBinaryOpMatchesItsDefinitionInEveryBroadcastFormAndInPlace),
                inBothDTypes("with a scalar", TensorElementwiseChecks::everyBinaryOpWithAScalarMatchesItsDefinitionAndInPlace),
                inBothDTypes("infinities, NaN and signed zeros",
                        TensorElementwiseChecks::everyBinaryOpTreatsInfinitiesNaNAndSignedZerosAsJavaDoes),
                inBothDTypes("comparisons give 0 or 1",
                        TensorElementwiseChecks::comparisonsGiveExactlyZeroOrOneInTheTensorsDType),
                inBothDTypes("addScaled into any operand",
                        TensorElementwiseChecks::addScaledIsAPlusAlphaTimesBIntoAnyOfItsOperands),
                inBothDTypes("where selects exactly",
                        TensorElementwiseChecks::whereSelectsEveryValueExactlyIncludingSpecialOnesAndInPlace))
                .flatMap(tests -> tests);
    }

    /** Reductions and row gathers match their definitions. */
    @TestFactory
    default Stream<DynamicTest> reducesAndGathers() {
        return Stream.concat(
                inBothDTypes("every reduction along both axes and over all",
                        TensorBackendChecks::everyReductionAlongBothAxesAndOverAllMatchesItsDefinition),
                inBothDTypes("gatherRows from an offset", TensorBackendChecks::gatherRowsCopiesTheListedRowsFromTheOffset));
    }

    /** Convolutions and poolings with their gradients match naive loops for every stride, padding and dilation. */
    @TestFactory
    default Stream<DynamicTest> slidesWindows() {
        return Stream.of(
                inBothDTypes("conv2d and its gradients",
                        TensorWindowChecks::conv2dMatchesTheNaiveLoopForEveryStridePaddingAndDilation),
                inBothDTypes("pool2d and its gradient",
                        TensorWindowChecks::pool2dMatchesTheNaiveLoopForEveryStridePaddingAndDilation),
                inBothDTypes("mismatched shapes", TensorWindowChecks::windowOperationsRefuseMismatchedShapesNamingThem))
                .flatMap(tests -> tests);
    }

    /** Work tensors, reading into a caller's array and writing a slice of rows behave as documented. */
    @TestFactory
    default Stream<DynamicTest> reusesBuffers() {
        return Stream.of(
                inBothDTypes("work tensors of a tensor",
                        BufferChecks::workTensorsAreDistinctFromTheirOwnerAndFromEachOther),
                inBothDTypes("toDoubleArray into an array", BufferChecks::toDoubleArrayFillsTheCallersArray),
                inBothDTypes("assignRows", BufferChecks::assignRowsWritesTheRowsAndLeavesTheOthers))
                .flatMap(tests -> tests);
    }

    /** Bad arguments are refused before anything is written, naming what was wrong. */
    @TestFactory
    default Stream<DynamicTest> refusesBadArguments() {
        return Stream.of(
                inBothDTypes("mismatched shapes",
                        TensorRefusalChecks::shapeMismatchesNameBothShapesAndLeaveTheOutputAlone),
                inBothDTypes("a tensor of no usable backend",
                        TensorRefusalChecks::aTensorOfAnotherBackendIsRefusedByEveryOperation),
                inBothDTypes("a tensor of another usable backend",
                        TensorRefusalChecks::tensorsOfTwoRealBackendsCannotBeMixed),
                inBothDTypes("mixed dtypes", TensorRefusalChecks::tensorsOfTwoDTypesCannotBeMixed),
                inBothDTypes("outputs that alias inputs",
                        TensorRefusalChecks::outputsMayNotAliasTheInputsOfMatmulAndGatherRows),
                inBothDTypes("row indices out of range",
                        TensorRefusalChecks::rowIndicesOutsideTheSourceAreRefusedNamingTheIndex))
                .flatMap(tests -> tests);
    }

    /** Lower snake case, stable, registered under its name. */
    @Test
    default void followsTheNameRules() {
        Registration.followsTheNameRules(TensorBackend.class, backend());
    }

    /**
     * Every check above as one tree of dynamic tests, for running the contract over many backends from a single
     * {@code @TestFactory} (see {@link ActivationContract#contractTests()}).
     */
    default Stream<DynamicNode> contractTests() {
        return Stream.of(
                dynamicContainer("creates and transfers tensors", createsAndTransfersTensors()),
                dynamicContainer("updates like Adam", updatesLikeAdam()),
                dynamicContainer("multiplies matrices", multipliesMatrices()),
                dynamicContainer("applies unary operations", appliesUnaryOperations()),
                dynamicContainer("applies binary operations", appliesBinaryOperations()),
                dynamicContainer("reduces and gathers", reducesAndGathers()),
                dynamicContainer("slides windows", slidesWindows()),
                dynamicContainer("reuses buffers", reusesBuffers()),
                dynamicContainer("refuses bad arguments", refusesBadArguments()),
                dynamicTest("follows the name rules", this::followsTheNameRules));
    }

    private Stream<DynamicTest> inBothDTypes(String check, BiConsumer<TensorBackend, DType> test) {
        return Stream.of(DType.values()).map(dtype -> dynamicTest(check + " in " + dtype.label(), () -> {
            TensorBackend backend = backend();
            BackendAvailability availability = backend.availability();
            assumeTrue(availability.usable(), () -> backend.name() + " cannot start here: " + availability.reason());
            test.accept(backend, dtype);
        }));
    }
}
