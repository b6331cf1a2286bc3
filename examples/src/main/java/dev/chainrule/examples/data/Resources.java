package dev.chainrule.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Opens the data files embedded in this module, unzipping the {@code .gz} ones. */
final class Resources {

    private static final String FOLDER = "/dev/chainrule/examples/data/";

    private Resources() {
    }

    /** A reader over the embedded file {@code name}; a missing file names itself. */
    static BufferedReader open(String name) throws IOException {
        InputStream raw = Resources.class.getResourceAsStream(FOLDER + name);
        if (raw == null) {
            throw new IllegalStateException("the embedded data file " + FOLDER + name + " is missing from the jar");
        }
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }
}
