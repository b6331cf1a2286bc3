package dev.chainrule.examples.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes images whole or not at all, creating the folder first. */
final class Images {

    private Images() {
    }

    static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer is available to write " + file);
        }
        KeptFiles.write(file, png.toByteArray());
    }
}
