package dev.chainrule.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * An IDX pair (MNIST's format: an image file of unsigned bytes, {@code 0x00000803}, and a label file,
 * {@code 0x00000801}; gzipped files are read as they are) streamed batch by batch, never held whole: each pixel becomes
 * {@code (byte & 0xff) * scale}, each label a one-hot row of {@code classes} targets, or the label itself as one
 * target when {@code classes} is 0. Shuffled through a bounded {@link ShuffleBuffer} (of
 * {@value CsvSource#DEFAULT_SHUFFLE_BUFFER} rows unless set) when the pass shuffles; replayable like every built-in.
 */
public final class IdxSource implements BatchSource {

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    private final Path images;
    private final Path labels;
    private final double scale;
    private final int classes;
    private final int shuffleBuffer;
    private final int featureCount;
    private final long rows;

    /**
     * A source over {@code images} and {@code labels}, whose headers are checked now.
     *
     * @param scale   the factor of every pixel, 1/255.0 for [0, 1]
     * @param classes the number of classes for one-hot targets, or 0 for a label column; a label outside the classes
     *                is an error naming its row
     */
    public IdxSource(Path images, Path labels, double scale, int classes) throws IOException {
        this(images, labels, scale, classes, CsvSource.DEFAULT_SHUFFLE_BUFFER);
    }

    private IdxSource(Path images, Path labels, double scale, int classes, int shuffleBuffer) throws IOException {
        this.images = Objects.requireNonNull(images, "images");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the pixel scale must be finite and >= 0, got " + scale);
        }
        if (classes < 0 || shuffleBuffer < 1) {
            throw new IllegalArgumentException("classes must be >= 0 and the shuffle buffer >= 1, got " + classes
                    + " and " + shuffleBuffer);
        }
        this.scale = scale;
        this.classes = classes;
        this.shuffleBuffer = shuffleBuffer;
        try (Header imageHeader = Header.open(images, IMAGES); Header labelHeader = Header.open(labels, LABELS)) {
            if (imageHeader.count != labelHeader.count) {
                throw new IllegalArgumentException(images.getFileName() + " holds " + imageHeader.count
                        + " images but " + labels.getFileName() + " holds " + labelHeader.count + " labels");
            }
            this.rows = imageHeader.count;
            this.featureCount = imageHeader.width;
        }
    }

    /** This source with a shuffle buffer of {@code rows} rows. */
    public IdxSource withShuffleBuffer(int rowCount) throws IOException {
        return new IdxSource(images, labels, scale, classes, rowCount);
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public int targetCount() {
        return classes == 0 ? 1 : classes;
    }

    @Override
    public OptionalLong rows() {
        return OptionalLong.of(rows);
    }

    @Override
    public BatchStream open(Pass pass) {
        Header pixels;
        Header labelStream;
        try {
            pixels = Header.open(images, IMAGES);
            labelStream = Header.open(labels, LABELS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] image = new byte[featureCount];
        RowReader reader = new RowReader() {
            private long row;

            @Override
            public boolean read(double[] features, int featureOffset, double[] targets, int targetOffset)
                    throws IOException {
                if (row == rows) {
                    return false;
                }
                try {
                    pixels.in.readFully(image);
                    int label = labelStream.in.readUnsignedByte();
                    for (int i = 0; i < featureCount; i++) {
                        features[featureOffset + i] = (image[i] & 0xff) * scale;
                    }
                    if (classes == 0) {
                        targets[targetOffset] = label;
                    } else if (label >= classes) {
                        throw new IllegalArgumentException(labels.getFileName() + ", row " + row + ": label " + label
                                + " is outside the classes 0.." + (classes - 1));
                    } else {
                        java.util.Arrays.fill(targets, targetOffset, targetOffset + classes, 0);
                        targets[targetOffset + label] = 1;
                    }
                } catch (EOFException e) {
                    throw new IOException(images.getFileName() + " or " + labels.getFileName() + " ends before row "
                            + row + " of the " + rows + " that their headers announce", e);
                }
                row++;
                return true;
            }

            @Override
            public void close() throws IOException {
                try (pixels; labelStream) {
                    // both closed
                }
            }
        };
        return new RowStream(reader, featureCount, targetCount(), pass, shuffleBuffer, images.getFileName().toString());
    }

    @Override
    public String describe() {
        return images.getFileName() + " and " + labels.getFileName() + " (streamed, " + rows + " rows)";
    }

    /** An IDX file opened past its header. */
    private static final class Header implements AutoCloseable {
        final DataInputStream in;
        final long count;
        final int width;

        private Header(DataInputStream in, long count, int width) {
            this.in = in;
            this.count = count;
            this.width = width;
        }

        static Header open(Path file, int magic) throws IOException {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (file.getFileName().toString().endsWith(".gz")) {
                raw = new BufferedInputStream(new GZIPInputStream(raw), 1 << 16);
            }
            DataInputStream in = new DataInputStream(raw);
            try {
                int found = in.readInt();
                if (found != magic) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "%s is not an IDX %s file: its magic number is 0x%08x, expected 0x%08x", file.getFileName(),
                            magic == IMAGES ? "image" : "label", found, magic));
                }
                long count = Integer.toUnsignedLong(in.readInt());
                long width = 1;
                if (magic == IMAGES) {
                    width = Integer.toUnsignedLong(in.readInt()) * Integer.toUnsignedLong(in.readInt());
                    if (width < 1 || width > 1 << 24) {
                        throw new IllegalArgumentException(file.getFileName() + " announces images of " + width
                                + " pixels");
                    }
                }
                return new Header(in, count, (int) width);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
