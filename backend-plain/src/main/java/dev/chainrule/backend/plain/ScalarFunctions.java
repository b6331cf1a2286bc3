package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The scalar meaning of each primitive operation, the executable definition that other backends are tested against. */
final class ScalarFunctions {

    private ScalarFunctions() {
    }

    static DoubleUnaryOperator of(UnaryOp op) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            case SIGN -> Math::signum;
            case EXP -> Math::exp;
            case EXPM1 -> Math::expm1;
            case LOG -> Math::log;
            case LOG1P -> Math::log1p;
            case SQRT -> Math::sqrt;
            case SQUARE -> x -> x * x;
            case RECIPROCAL -> x -> 1 / x;
            case TANH -> Math::tanh;
            case ERF -> Erf::erf;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case FLOOR -> Math::floor;
        };
    }

    static DoubleBinaryOperator of(BinaryOp op) {
        return switch (op) {
            case ADD -> Double::sum;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case POW -> Math::pow;
            case MAX -> Math::max;
            case MIN -> Math::min;
            case GREATER -> (a, b) -> a > b ? 1 : 0;
            case GREATER_EQUAL -> (a, b) -> a >= b ? 1 : 0;
            case LESS -> (a, b) -> a < b ? 1 : 0;
            case LESS_EQUAL -> (a, b) -> a <= b ? 1 : 0;
            case EQUAL -> (a, b) -> a == b ? 1 : 0;
        };
    }

    static double identity(ReduceOp op) {
        return switch (op) {
            case SUM, MEAN -> 0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
    }

    /** A reduction's result from its accumulated {@code value} over {@code count} elements: the mean divides. */
    static double finish(ReduceOp op, double value, int count) {
        return op == ReduceOp.MEAN ? value / count : value;
    }

    static DoubleBinaryOperator accumulator(ReduceOp op) {
        return switch (op) {
            case SUM, MEAN -> Double::sum;
            case MAX -> Math::max;
            case MIN -> Math::min;
        };
    }
}
