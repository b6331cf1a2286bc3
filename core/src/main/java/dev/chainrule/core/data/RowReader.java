package dev.chainrule.core.data;

import java.io.IOException;

/** Reads a file's rows one at a time, in file order, as features and targets. */
interface RowReader extends AutoCloseable {

    /** Reads the next row into the arrays at the offsets; false at the end of the file. */
    boolean read(double[] features, int featureOffset, double[] targets, int targetOffset) throws IOException;

    @Override
    void close() throws IOException;
}
