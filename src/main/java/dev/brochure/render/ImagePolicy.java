package dev.brochure.render;

/**
 * What happens to images on their way into the PDF. {@code maxPpi}: the highest effective
 * resolution an image keeps at each size it is placed (0 keeps every pixel); when resampling, the
 * parts a frame crops away are dropped too. {@code reencode}:
 * photos are re-encoded as JPEG at {@code jpegQuality} even when not downsampled (PNG is kept for
 * transparency and flat art); re-encoding also drops the files' metadata (EXIF, XMP, ICC
 * comments). Images that need neither are embedded byte for byte.
 */
public record ImagePolicy(int maxPpi, float jpegQuality, boolean reencode) {

    public static final ImagePolicy ORIGINAL = new ImagePolicy(0, 0.9f, false);

    public ImagePolicy {
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1]");
        }
    }
}
