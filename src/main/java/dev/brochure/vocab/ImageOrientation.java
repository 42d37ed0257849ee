package dev.brochure.vocab;

/**
 * How a photo's stored pixels must be turned to stand upright: the EXIF orientation that phones
 * and cameras record instead of rotating the pixels. Values in the order of the EXIF tag (1–8).
 */
public enum ImageOrientation {
    /** 1: stored upright. */
    NORMAL,
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL,
    /** 3: upside down. */
    ROTATE_180,
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL,
    /** 5: mirrored along the top-left to bottom-right diagonal. */
    TRANSPOSE,
    /** 6: must be turned 90° clockwise (a phone held upright). */
    ROTATE_90_CW,
    /** 7: mirrored along the other diagonal. */
    TRANSVERSE,
    /** 8: must be turned 90° counter-clockwise. */
    ROTATE_90_CCW;

    /** The orientation of EXIF tag value {@code value}; anything outside 1–8 counts as upright. */
    public static ImageOrientation ofExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** True when the upright picture's width is the stored height (a quarter turn). */
    public boolean swapsAxes() {
        return ordinal() >= TRANSPOSE.ordinal();
    }
}
