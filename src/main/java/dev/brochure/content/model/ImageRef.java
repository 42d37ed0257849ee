package dev.brochure.content.model;

import java.nio.file.Path;

/**
 * An image the content refers to, resolved and checked: the reference as written, the file,
 * and its pixel size (read from the file header, without decoding the image).
 */
public record ImageRef(String ref, Path path, int pixelWidth, int pixelHeight, String format) {

    public double aspectRatio() {
        return (double) pixelWidth / pixelHeight;
    }
}
