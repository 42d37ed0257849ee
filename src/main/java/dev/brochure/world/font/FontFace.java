package dev.brochure.world.font;

import dev.brochure.vocab.FontFeatures;
import dev.brochure.world.Builtins;
import dev.brochure.world.FileStamp;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.apache.fontbox.ttf.GlyphSubstitutionTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One font file, the one object every stage uses for it: its bytes, read once; the JDK font
 * created from those bytes, for shaping and measuring in typesetting; fontbox's parse of the same
 * bytes ({@link #trueType()}), for font programs that need the tables. Each is made on first use
 * and kept while the file stays the same ({@link FontBook} reads a changed file into a new face).
 *
 * <p>Shaping goes through the JDK's OpenType layout engine with kerning and standard ligatures
 * ({@code kern}, {@code liga}) on unless the features say otherwise, at 1000 units per em with
 * fractional metrics, so advances are the font's own design widths plus kerning. Letter-spaced
 * text is shaped without ligatures, as spacing the letters apart would leave a ligature's letters
 * oddly close.
 *
 * <p>The other OpenType features ({@link FontFeatures#SUBSTITUTIONS}: figure styles, small
 * capitals, discretionary ligatures…) are then applied to the shaped glyphs with fontbox's reading
 * of the font's GSUB table (single and ligature substitutions of the {@code latn} script), in the
 * order of {@link FontFeatures#SUBSTITUTIONS}. A substituted glyph advances by its own width in
 * the font's {@code hmtx} (so tabular figures are tabular), and kerning next to it is dropped, as
 * the JDK kerned the glyph it replaced. A ligature glyph keeps the first character index of the
 * characters it replaces, so it still stands for all of them. Thread-safe.
 */
public final class FontFace {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final int MAX_CACHED_WORDS = 100_000;
    /** Larger files are refused unread; the largest CJK fonts are some 20 MB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** The JDK font made from the file, and its line metrics. */
    private record Shaping(Font base, double ascent, double descent) {
    }

    private final Path file;
    private final FileStamp stamp;
    private final byte[] bytes;
    private volatile Shaping shaping;
    private volatile TrueTypeFont trueType;
    private volatile String key;
    /** The JDK fonts shaping uses, by kerning (bit 0) and ligatures (bit 1). */
    private final Map<Integer, Font> shapers = new ConcurrentHashMap<>();
    private final Map<FontFeatures, Map<String, ShapedText>> shaped = new ConcurrentHashMap<>();
    private volatile Substitutions substitutions;
    private final Map<Integer, Double> designWidths = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> cmapGlyphs = new ConcurrentHashMap<>();

    FontFace(Path file, FileStamp stamp, byte[] bytes) {
        this.file = file;
        this.stamp = stamp;
        this.bytes = bytes;
    }

    /** Reads a font file (or a built-in font, see {@link Builtins#path}) into a face of its own, outside any cache. */
    public static FontFace read(Path file) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        Optional<byte[]> builtin = Builtins.bytes(file);
        if (builtin.isPresent()) {
            return new FontFace(file, stamp, builtin.get());
        }
        if (stamp.size() > MAX_FILE_BYTES) {
            throw new IOException("the file is " + stamp.size() / (1024 * 1024) + " MB, more than the "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB limit for fonts");
        }
        return new FontFace(file, stamp, Files.readAllBytes(file));
    }

    public Path file() {
        return file;
    }

    /** The file's size and time when it was read. */
    public FileStamp stamp() {
        return stamp;
    }

    /** A copy of the file's bytes, as read once. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many bytes the file has. */
    public int size() {
        return bytes.length;
    }

    /** The file's bytes as a read-only, big-endian buffer (no copy), for checks of its tables. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /**
     * A name for these bytes that is the same on every machine and in every run, and differs for
     * another file or another version of it: the file name, its size and a CRC-32C of its bytes
     * ({@code Lato-Regular.ttf-2326200-1a2b3c4d}).
     */
    public String key() {
        String known = key;
        if (known == null) {
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            known = file.getFileName() + "-" + bytes.length + "-" + Long.toHexString(crc.getValue());
            key = known;
        }
        return known;
    }

    /** fontbox's parse of the bytes (tables, glyphs, metrics), made once. */
    public TrueTypeFont trueType() throws IOException {
        TrueTypeFont known = trueType;
        if (known == null) {
            synchronized (this) {
                known = trueType;
                if (known == null) {
                    known = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                    trueType = known;
                }
            }
        }
        return known;
    }

    /**
     * Makes the JDK font from the bytes, if not done yet. A damaged font fails here, with the
     * JDK's reason; every measuring and shaping method needs this to have succeeded.
     */
    public void prepare() throws IOException {
        if (shaping == null) {
            synchronized (this) {
                if (shaping == null) {
                    shaping = createShaping();
                }
            }
        }
    }

    private Shaping createShaping() throws IOException {
        Font base;
        try {
            base = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | RuntimeException e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        LineMetrics metrics = base.deriveFont((float) ShapedText.UNITS).getLineMetrics("Hg", FRC);
        return new Shaping(base, metrics.getAscent() / ShapedText.UNITS, metrics.getDescent() / ShapedText.UNITS);
    }

    private Shaping shaping() {
        Shaping known = shaping;
        if (known == null) {
            try {
                prepare();
            } catch (IOException e) {
                throw new UncheckedIOException("font " + file.getFileName() + " cannot be loaded", e);
            }
            known = shaping;
        }
        return known;
    }

    private Font font() {
        return shaper(true, true);
    }

    public String name() {
        return font().getFontName();
    }

    /** Height above the baseline, as a fraction of the em. */
    public double ascent() {
        return shaping().ascent();
    }

    /** Depth below the baseline, as a fraction of the em (positive). */
    public double descent() {
        return shaping().descent();
    }

    /** The first code point of {@code text} the font has no glyph for, if any. */
    public OptionalInt missingGlyph(String text) {
        return text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !isInvisible(cp) && !font().canDisplay(cp))
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
        double width = font().createGlyphVector(FRC, new int[] {glyph}).getGlyphMetrics(0).getAdvanceX();
        designWidths.put(glyph, width);
        return width;
    }

    /** The glyph the font's character map gives {@code codePoint}, before any substitution. */
    public int cmapGlyph(int codePoint) {
        return cmapGlyphs.computeIfAbsent(codePoint,
                cp -> font().createGlyphVector(FRC, new String(Character.toChars(cp))).getGlyphCode(0));
    }

    /** A glyph vector of given glyphs, for PDF writers that take one. */
    public GlyphVector glyphVector(int[] glyphs) {
        return font().createGlyphVector(FRC, glyphs);
    }

    /** Shapes a run of text in this face, with kerning and ligatures; results are cached, as words repeat. */
    public ShapedText shape(String text) {
        return shape(text, FontFeatures.DEFAULT);
    }

    /** Shapes a run of text in this face, with or without standard ligatures. */
    public ShapedText shape(String text, boolean ligatures) {
        return shape(text, ligatures ? FontFeatures.DEFAULT : FontFeatures.DEFAULT.withoutLigatures());
    }

    /** Shapes a run of text in this face with the given OpenType features; results are cached. */
    public ShapedText shape(String text, FontFeatures features) {
        Map<String, ShapedText> cache = shaped.computeIfAbsent(features, f -> new ConcurrentHashMap<>());
        ShapedText known = cache.get(text);
        if (known != null) {
            return known;
        }
        ShapedText result = layout(text, shaper(features.kern(), features.liga()));
        if (!features.substitutions().isEmpty()) {
            result = substitute(result, features.substitutions());
        }
        if (cache.size() > MAX_CACHED_WORDS) {
            cache.clear();
        }
        cache.put(text, result);
        return result;
    }

    /**
     * Whether the font can apply an OpenType feature: {@code kern} needs a GPOS or kern table, the
     * others a GSUB feature of that tag (for the Latin script).
     */
    public boolean supports(String feature) {
        Substitutions subs = substitutions();
        return feature.equals("kern") ? subs.kerning() : subs.features().containsKey(feature);
    }

    private Font shaper(boolean kern, boolean liga) {
        return shapers.computeIfAbsent((kern ? 1 : 0) | (liga ? 2 : 0), key -> {
            Map<TextAttribute, Object> attributes = new HashMap<>();
            attributes.put(TextAttribute.SIZE, (float) ShapedText.UNITS);
            if (kern) {
                attributes.put(TextAttribute.KERNING, TextAttribute.KERNING_ON);
            }
            if (liga) {
                attributes.put(TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON);
            }
            return shaping().base().deriveFont(attributes);
        });
    }

    /** The font's GSUB features (single and ligature substitutions), read once with fontbox. */
    private record Substitutions(Map<String, ScriptFeature> features, Map<String, Integer> longest, boolean kerning) {
    }

    private Substitutions substitutions() {
        Substitutions known = substitutions;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (substitutions == null) {
                substitutions = readSubstitutions();
            }
            return substitutions;
        }
    }

    private Substitutions readSubstitutions() {
        Map<String, ScriptFeature> features = new HashMap<>();
        Map<String, Integer> longest = new HashMap<>();
        boolean kerning = false;
        // A parse of its own (not the shared trueType()), closed after reading the tables it needs.
        try (TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(bytes))) {
            Set<String> tables = ttf.getTableMap().keySet();
            kerning = tables.contains("GPOS") || tables.contains("kern");
            GlyphSubstitutionTable gsub = ttf.getGsub();
            GsubData data = gsub == null ? null : gsub.getGsubData("latn");
            if (data == null && gsub != null) {
                data = gsub.getGsubData();
            }
            if (data != null && data != GsubData.NO_DATA_FOUND) {
                for (String tag : data.getSupportedFeatures()) {
                    ScriptFeature feature = data.getFeature(tag);
                    features.put(tag, feature);
                    longest.put(tag, feature.getAllGlyphIdsForSubstitution().stream().mapToInt(List::size).max().orElse(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // A font whose GSUB fontbox cannot read is shaped as the JDK shapes it; styles asking for
            // a feature are warned that the font lacks it.
            features.clear();
        }
        return new Substitutions(Map.copyOf(features), Map.copyOf(longest), kerning);
    }

    /** Applies GSUB features to shaped glyphs, longest match first at each glyph. */
    private ShapedText substitute(ShapedText shaped, List<String> tags) {
        Substitutions subs = substitutions();
        List<Integer> glyphs = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        List<Double> advances = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        for (int i = 0; i < shaped.length(); i++) {
            glyphs.add(shaped.glyphs()[i]);
            clusters.add(shaped.clusters()[i]);
            advances.add(shaped.advances()[i]);
            changed.add(false);
        }
        boolean any = false;
        for (String tag : tags) {
            ScriptFeature feature = subs.features().get(tag);
            if (feature == null) {
                continue;
            }
            int longest = subs.longest().getOrDefault(tag, 1);
            for (int i = 0; i < glyphs.size(); i++) {
                for (int len = Math.min(longest, glyphs.size() - i); len >= 1; len--) {
                    List<Integer> key = List.copyOf(glyphs.subList(i, i + len));
                    if (!feature.canReplaceGlyphs(key)) {
                        continue;
                    }
                    int replacement = feature.getReplacementForGlyphs(key);
                    if (len == 1 && replacement == key.getFirst()) {
                        break;
                    }
                    glyphs.set(i, replacement);
                    changed.set(i, true);
                    for (int k = 1; k < len; k++) {
                        glyphs.remove(i + 1);
                        clusters.remove(i + 1);
                        advances.remove(i + 1);
                        changed.remove(i + 1);
                    }
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            return shaped;
        }
        int n = glyphs.size();
        int[] g = new int[n];
        int[] c = new int[n];
        double[] a = new double[n];
        double width = 0;
        for (int i = 0; i < n; i++) {
            g[i] = glyphs.get(i);
            c[i] = clusters.get(i);
            boolean mine = changed.get(i);
            boolean next = i + 1 < n && changed.get(i + 1);
            // A substituted glyph takes its own width; kerning against it (or against what it replaced) is dropped.
            a[i] = mine || next ? designWidth(g[i]) : advances.get(i);
            width += a[i];
        }
        return new ShapedText(shaped.text(), g, a, c, width);
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
