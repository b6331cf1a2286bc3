package dev.chainrule.spark;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * The numbers in one column of a row: a Spark ML {@link Vector}, an array of numbers, or a single number. Every value
 * must be finite; a null, a value of another type or a non-finite number is an error naming the row and column.
 */
final class RowValues {

    private RowValues() {
    }

    /** The values in column {@code index} (named {@code column}) of {@code row}, global row number {@code rowNumber}. */
    static double[] of(Row row, int index, String column, long rowNumber) {
        return of(row.get(index), column, "row " + rowNumber);
    }

    /** The numbers in {@code value}, which column {@code column} of the row that {@code where} names holds. */
    static double[] of(Object value, String column, String where) {
        double[] values;
        if (value instanceof Vector vector) {
            values = vector.toArray();
        } else if (value instanceof Number number) {
            values = new double[] {number.doubleValue()};
        } else if (value instanceof scala.collection.Seq<?> || value instanceof List<?>) {
            List<?> list = value instanceof List<?> javaList ? javaList
                    : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) value);
            values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!(list.get(i) instanceof Number number)) {
                    throw new IllegalArgumentException(where + ": column '" + column + "' holds "
                            + describe(list.get(i)) + " at position " + i + "; it must hold numbers");
                }
                values[i] = number.doubleValue();
            }
        } else {
            throw new IllegalArgumentException(where + ": column '" + column + "' holds " + describe(value)
                    + "; it must hold a vector, an array of numbers or a number");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(where + ": column '" + column + "' has the value "
                        + values[i] + " at position " + i + "; every value must be finite");
            }
        }
        return values;
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getSimpleName() + " (" + value + ")";
    }
}
