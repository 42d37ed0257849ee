package dev.brochure.inspect.report;

/**
 * One placement of an image on a page (an image placed twice is listed twice, with the same
 * {@code object}). {@code name} is the XObject's resource name ({@code inline} for an inline
 * image); {@code object} its object number and generation ({@code "12 0"}), null when inline.
 * {@code placed}: where it is drawn, in points, its width and height measured along the image's
 * own axes. {@code ppi} is the effective resolution, the lower of the horizontal and vertical
 * ones. {@code bytes} is the size of the image's stream as stored (compressed), soft mask included.
 */
public record ImageInfo(
        int page,
        String name,
        String object,
        int pixelWidth,
        int pixelHeight,
        Box placed,
        double ppi,
        String colorSpace,
        int bitsPerComponent,
        String filter,
        long bytes) {
}
