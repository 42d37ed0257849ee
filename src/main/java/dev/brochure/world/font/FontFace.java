package dev.brochure.world.font;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.font.TextAttribute;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One font file, loaded once per process, with the metrics and shaping typesetting needs.
 * Shaping goes through the JDK's OpenType layout engine with kerning and standard ligatures
 * ({@code kern}, {@code liga}) on, at 1000 units per em with fractional metrics, so advances are
 * the font's own design widths plus kerning. Letter-spaced text is shaped without ligatures, as
 * spacing the letters apart would leave a ligature's letters oddly close.
 */
public final class FontFace {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final int MAX_CACHED_WORDS = 100_000;

    private final Path file;
    private final Font font;
    private final Font unligated;
    private final double ascent;
    private final double descent;
    private final Map<String, ShapedText> shaped = new ConcurrentHashMap<>();
    private final Map<String, ShapedText> shapedUnligated = new ConcurrentHashMap<>();
    private final Map<Integer, Double> designWidths = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> cmapGlyphs = new ConcurrentHashMap<>();

    FontFace(Path file, Font base) {
        this.file = file;
        this.font = base.deriveFont(Map.of(TextAttribute.SIZE, (float) ShapedText.UNITS,
                TextAttribute.KERNING, TextAttribute.KERNING_ON, TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
        this.unligated = base.deriveFont(Map.of(TextAttribute.SIZE, (float) ShapedText.UNITS,
                TextAttribute.KERNING, TextAttribute.KERNING_ON));
        LineMetrics metrics = font.getLineMetrics("Hg", FRC);
        this.ascent = metrics.getAscent() / ShapedText.UNITS;
        this.descent = metrics.getDescent() / ShapedText.UNITS;
    }

    public Path file() {
        return file;
    }

    public String name() {
        return font.getFontName();
    }

    /** Height above the baseline, as a fraction of the em. */
    public double ascent() {
        return ascent;
    }

    /** Depth below the baseline, as a fraction of the em (positive). */
    public double descent() {
        return descent;
    }

    /** The first code point of {@code text} the font has no glyph for, if any. */
    public OptionalInt missingGlyph(String text) {
        return text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !isInvisible(cp) && !font.canDisplay(cp))
                .findFirst();
    }

    /**
     * A glyph's advance without kerning, in thousandths of an em: the font's own design width,
     * which is what a PDF viewer advances by after drawing the glyph.
     */
    public double designWidth(int glyph) {
        Double known = designWidths.get(glyph);
        if (known != null) {
            return known;
        }
        double width = font.createGlyphVector(FRC, new int[] {glyph}).getGlyphMetrics(0).getAdvanceX();
        designWidths.put(glyph, width);
        return width;
    }

    /** The glyph the font's character map gives {@code codePoint}, before any substitution. */
    public int cmapGlyph(int codePoint) {
        return cmapGlyphs.computeIfAbsent(codePoint,
                cp -> font.createGlyphVector(FRC, new String(Character.toChars(cp))).getGlyphCode(0));
    }

    /** A glyph vector of given glyphs, for PDF writers that take one. */
    public GlyphVector glyphVector(int[] glyphs) {
        return font.createGlyphVector(FRC, glyphs);
    }

    /** Shapes a run of text in this face, with ligatures; results are cached, as words repeat. */
    public ShapedText shape(String text) {
        return shape(text, true);
    }

    /** Shapes a run of text in this face, with or without standard ligatures. */
    public ShapedText shape(String text, boolean ligatures) {
        Map<String, ShapedText> cache = ligatures ? shaped : shapedUnligated;
        ShapedText known = cache.get(text);
        if (known != null) {
            return known;
        }
        ShapedText result = layout(text, ligatures ? font : unligated);
        if (cache.size() > MAX_CACHED_WORDS) {
            cache.clear();
        }
        cache.put(text, result);
        return result;
    }

    private static ShapedText layout(String text, Font font) {
        char[] chars = text.toCharArray();
        GlyphVector gv = font.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int n = gv.getNumGlyphs();
        float[] pos = gv.getGlyphPositions(0, n, null);
        double end = gv.getGlyphPosition(n).getX();
        int[] codes = gv.getGlyphCodes(0, n, null);
        int kept = 0;
        int[] glyphs = new int[n];
        double[] advances = new double[n];
        int[] clusters = new int[n];
        for (int i = 0; i < n; i++) {
            double next = i + 1 < n ? pos[2 * (i + 1)] : end;
            double advance = next - pos[2 * i];
            if (codes[i] == 0xFFFF || codes[i] == 0xFFFE) {
                // the layout engine's marker for an invisible character: it draws nothing
                if (kept > 0) {
                    advances[kept - 1] += advance;
                }
                continue;
            }
            glyphs[kept] = codes[i];
            advances[kept] = advance;
            clusters[kept] = gv.getGlyphCharIndex(i);
            kept++;
        }
        return new ShapedText(text, java.util.Arrays.copyOf(glyphs, kept), java.util.Arrays.copyOf(advances, kept),
                java.util.Arrays.copyOf(clusters, kept), end - (n > 0 ? pos[0] : 0));
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
    }
}
