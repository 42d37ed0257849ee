package dev.brochure.vocab;

import java.nio.file.Path;
import java.util.List;

/**
 * A family of four font files. A face the theme does not give falls back to a sibling
 * (bold italic to bold, italic or bold to regular), so every style can always be set.
 * {@code fallback} names other families of the theme, in order, whose fonts set the characters
 * this family has no glyph for (Chinese characters in a Latin text face, say).
 */
public record FontFamily(String name, Path regular, Path bold, Path italic, Path boldItalic, List<String> fallback) {

    public FontFamily {
        fallback = List.copyOf(fallback);
    }

    /** A family without fallback fonts. */
    public FontFamily(String name, Path regular, Path bold, Path italic, Path boldItalic) {
        this(name, regular, bold, italic, boldItalic, List.of());
    }

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

    /** The same family with other fallback families. */
    public FontFamily withFallback(List<String> families) {
        return new FontFamily(name, regular, bold, italic, boldItalic, families);
    }
}
