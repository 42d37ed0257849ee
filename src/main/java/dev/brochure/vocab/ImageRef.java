package dev.brochure.vocab;

import java.nio.file.Path;

/**
 * An image the content refers to, resolved and checked: the reference as written, the file,
 * its pixel size as seen upright (read from the file header, without decoding the image), its
 * format ({@code jpeg} or {@code png}) and how its stored pixels turn to stand upright.
 */
public record ImageRef(String ref, Path path, int pixelWidth, int pixelHeight, String format,
        ImageOrientation orientation) {

    /** An image stored upright. */
    public ImageRef(String ref, Path path, int pixelWidth, int pixelHeight, String format) {
        this(ref, path, pixelWidth, pixelHeight, format, ImageOrientation.NORMAL);
    }

    public double aspectRatio() {
        return (double) pixelWidth / pixelHeight;
    }
}
