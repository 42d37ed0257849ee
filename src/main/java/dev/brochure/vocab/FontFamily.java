package dev.brochure.vocab;

import java.nio.file.Path;

/**
 * A family of four font files. A face the theme does not give falls back to a sibling
 * (bold italic to bold, italic or bold to regular), so every style can always be set.
 */
public record FontFamily(String name, Path regular, Path bold, Path italic, Path boldItalic) {

    public Path face(boolean isBold, boolean isItalic) {
        if (isBold && isItalic) {
            return boldItalic != null ? boldItalic : bold != null ? bold : italic != null ? italic : regular;
        }
        if (isBold) {
            return bold != null ? bold : regular;
        }
        if (isItalic) {
            return italic != null ? italic : regular;
        }
        return regular;
    }
}
