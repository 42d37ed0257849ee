package dev.brochure.world.font;

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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One font file, the one object every stage uses for it: its bytes, read once; the JDK font
 * created from those bytes, for shaping and measuring in typesetting; fontbox's parse of the same
 * bytes ({@link #trueType()}), for font programs that need the tables. Each is made on first use
 * and kept while the file stays the same ({@link FontBook} reads a changed file into a new face).
 *
 * <p>Shaping goes through the JDK's OpenType layout engine with kerning and standard ligatures
 * ({@code kern}, {@code liga}) on, at 1000 units per em with fractional metrics, so advances are
 * the font's own design widths plus kerning. Letter-spaced text is shaped without ligatures, as
 * spacing the letters apart would leave a ligature's letters oddly close. Thread-safe.
 */
public final class FontFace {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final int MAX_CACHED_WORDS = 100_000;
    /** Larger files are refused unread; the largest CJK fonts are some 20 MB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** The JDK fonts made from the file, and their line metrics. */
    private record Shaping(Font font, Font unligated, double ascent, double descent) {
    }

    private final Path file;
    private final FileStamp stamp;
    private final byte[] bytes;
    private volatile Shaping shaping;
    private volatile TrueTypeFont trueType;
    private volatile String key;
    private final Map<String, ShapedText> shaped = new ConcurrentHashMap<>();
    private final Map<String, ShapedText> shapedUnligated = new ConcurrentHashMap<>();
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
        Font font = base.deriveFont(Map.of(TextAttribute.SIZE, (float) ShapedText.UNITS,
                TextAttribute.KERNING, TextAttribute.KERNING_ON, TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
        Font unligated = base.deriveFont(Map.of(TextAttribute.SIZE, (float) ShapedText.UNITS,
                TextAttribute.KERNING, TextAttribute.KERNING_ON));
        LineMetrics metrics = font.getLineMetrics("Hg", FRC);
        return new Shaping(font, unligated, metrics.getAscent() / ShapedText.UNITS,
                metrics.getDescent() / ShapedText.UNITS);
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
        return shaping().font();
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
        ShapedText result = layout(text, ligatures ? font() : shaping().unligated());
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
