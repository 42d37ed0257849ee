package dev.brochure.world.font;

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

    /**
     * The glyph that starts at character {@code charIndex}, if the text can be cut there without
     * splitting a glyph (a ligature, or a character drawn as several glyphs); -1 otherwise.
     * {@code charIndex == text.length()} answers {@code length()}.
     */
    public int glyphAt(int charIndex) {
        if (charIndex == text.length()) {
            return glyphs.length;
        }
        for (int g = 0; g < glyphs.length; g++) {
            if (clusters[g] == charIndex) {
                for (int i = 0; i < glyphs.length; i++) {
                    if (i < g ? clusters[i] >= charIndex : clusters[i] < charIndex) {
                        return -1; // glyphs out of order around the cut (not expected in left-to-right text)
                    }
                }
                return g;
            }
        }
        return -1;
    }

    /**
     * Glyphs {@code [from, to)} as shaped text of their own: advances (kerning included) as
     * shaped in the whole, so the two halves of a cut word measure exactly what the whole does.
     */
    public ShapedText slice(int from, int to) {
        int start = from < glyphs.length ? clusters[from] : text.length();
        int end = to < glyphs.length ? clusters[to] : text.length();
        int[] cut = new int[to - from];
        double sum = 0;
        for (int g = from; g < to; g++) {
            cut[g - from] = clusters[g] - start;
            sum += advances[g];
        }
        return new ShapedText(text.substring(start, end), java.util.Arrays.copyOfRange(glyphs, from, to),
                java.util.Arrays.copyOfRange(advances, from, to), cut, sum);
    }

    /** Whether both show the same glyphs in the same order (advances may differ by kerning). */
    public boolean sameGlyphs(int[] other) {
        return java.util.Arrays.equals(glyphs, other);
    }
}
