package dev.brochure.typeset.font;

/**
 * Text turned into glyphs at a size of 1000 units per em: each glyph's id, its advance (kerning
 * included) and the index of the first character it shows. Scale by {@code size / 1000}.
 * The arrays are never modified after construction.
 */
public record ShapedText(String text, int[] glyphs, double[] advances, int[] clusters, double width) {

    public static final double UNITS = 1000.0;

    public int length() {
        return glyphs.length;
    }

    public double width(double size) {
        return width * size / UNITS;
    }
}
