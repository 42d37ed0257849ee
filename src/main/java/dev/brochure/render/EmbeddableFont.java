package dev.brochure.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.PostScriptTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * One TrueType font as the PDF embeds it, parsed with fontbox from the font file's bytes: its
 * PostScript name, the figures of its font descriptor, every glyph's advance width, and subsets
 * of it. Made once per font file by whoever holds the file ({@link #parse}); safe to share
 * between threads and builds.
 *
 * <p>{@link #width} is the one width of a glyph the PDF knows: the renderer writes it into the
 * font's {@code /W} array and advances its pen by it when it places glyphs, so the recorded
 * widths and the drawn positions cannot disagree.
 */
public final class EmbeddableFont {

    /** The tables a CIDFontType2 font program needs (as PDFBox embeds them); the rest is dropped. */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp");

    private final String key;
    private final byte[] fingerprint;
    private final TrueTypeFont font;
    private final String postScriptName;
    private final double[] widths;
    private final double ascent;
    private final double descent;
    private final double capHeight;
    private final double[] bbox;
    private final double italicAngle;
    private final int flags;

    private EmbeddableFont(String key, byte[] bytes, TrueTypeFont font) throws IOException {
        this.key = key;
        this.fingerprint = fingerprint(bytes);
        this.font = font;
        if (font.getGlyph() == null || font.getIndexToLocation() == null) {
            throw new IOException("it has no TrueType outlines (no 'glyf' table)");
        }
        font.getUnicodeCmapLookup(); // the subsetter needs it: fail now, not while writing a PDF
        HeaderTable head = font.getHeader();
        HorizontalHeaderTable hhea = font.getHorizontalHeader();
        if (head == null || hhea == null || font.getHorizontalMetrics() == null) {
            throw new IOException("it lacks the 'head', 'hhea' or 'hmtx' table");
        }
        double em = head.getUnitsPerEm();
        if (em <= 0) {
            throw new IOException("its units per em are " + head.getUnitsPerEm());
        }
        this.postScriptName = postScriptName(font.getName(), key);
        int glyphs = font.getNumberOfGlyphs();
        this.widths = new double[glyphs];
        for (int g = 0; g < glyphs; g++) {
            widths[g] = thousandths(font.getAdvanceWidth(g), em);
        }
        OS2WindowsMetricsTable os2 = font.getOS2Windows();
        this.ascent = thousandths(os2 != null ? os2.getTypoAscender() : hhea.getAscender(), em);
        this.descent = thousandths(os2 != null ? os2.getTypoDescender() : hhea.getDescender(), em);
        this.capHeight = os2 != null && os2.getVersion() >= 2 ? thousandths(os2.getCapHeight(), em) : 0.7 * 1000;
        this.bbox = new double[] {thousandths(head.getXMin(), em), thousandths(head.getYMin(), em),
            thousandths(head.getXMax(), em), thousandths(head.getYMax(), em)};
        PostScriptTable post = font.getPostScript();
        this.italicAngle = post == null ? 0 : post.getItalicAngle();
        boolean fixedPitch = post != null && post.getIsFixedPitch() != 0;
        // Nonsymbolic (32), italic (64) and force bold (262144) from the font's own style bits.
        this.flags = (fixedPitch ? 1 : 0) | 32 | ((head.getMacStyle() & 2) != 0 ? 64 : 0)
                | ((head.getMacStyle() & 1) != 0 ? 262144 : 0);
    }

    /**
     * Parses a TrueType font from its bytes. {@code key} names the font in messages (a file name,
     * say); the output depends only on the bytes.
     *
     * @throws IOException if the bytes are not a TrueType font the PDF can embed
     */
    public static EmbeddableFont parse(String key, byte[] ttf) throws IOException {
        try {
            return new EmbeddableFont(key, ttf, new TTFParser().parseEmbedded(new ByteArrayInputStream(ttf)));
        } catch (RuntimeException e) {
            // fontbox reports some damage as whatever its reader hit
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    public String key() {
        return key;
    }

    /** The font's PostScript name, as the PDF names it after the subset tag. */
    String postScriptName() {
        return postScriptName;
    }

    int glyphCount() {
        return widths.length;
    }

    /**
     * A glyph's advance in thousandths of an em, rounded to a thousandth: the number the PDF's
     * {@code /W} array records and the pen advances by after drawing the glyph.
     */
    double width(int glyph) {
        if (glyph < 0 || glyph >= widths.length) {
            throw new IllegalArgumentException("glyph " + glyph + " is not in font " + key + " (" + widths.length
                    + " glyphs): typesetting and rendering read different fonts");
        }
        return widths[glyph];
    }

    double ascent() {
        return ascent;
    }

    double descent() {
        return descent;
    }

    double capHeight() {
        return capHeight;
    }

    /** xMin, yMin, xMax, yMax of all glyphs, in thousandths of an em. */
    double[] bbox() {
        return bbox.clone();
    }

    double italicAngle() {
        return italicAngle;
    }

    /** The font descriptor's flags. */
    int flags() {
        return flags;
    }

    /**
     * The six capital letters that tag a subset of this font ({@code ABCDEF+Name}): a digest of
     * the font's bytes and of the glyphs in the subset, so the same glyphs of the same font always
     * get the same tag and another subset almost always another one.
     */
    String subsetTag(SortedSet<Integer> glyphs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fingerprint);
            for (int glyph : glyphs) {
                sha.update((byte) (glyph >> 8));
                sha.update((byte) glyph);
            }
            byte[] digest = sha.digest();
            char[] tag = new char[6];
            for (int i = 0; i < tag.length; i++) {
                tag[i] = (char) ('A' + (digest[i] & 0xff) % 26);
            }
            return new String(tag);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A font program with only {@code glyphs} (and .notdef, and the glyphs composite glyphs are
     * built from), renumbered from 0 in glyph order; {@code newGlyph[old]} is a kept glyph's new
     * number, -1 for a dropped one.
     */
    record Subset(byte[] program, int[] newGlyph) {
    }

    /** Subsets the font to {@code glyphs} with fontbox's {@link TTFSubsetter}. */
    Subset subset(SortedSet<Integer> glyphs) throws IOException {
        for (int glyph : glyphs) {
            width(glyph); // refuses a glyph the font does not have
        }
        Map<Integer, Integer> newToOld;
        ByteArrayOutputStream program = new ByteArrayOutputStream();
        synchronized (this) { // fontbox reads the font's tables lazily, from one shared buffer
            TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
            subsetter.addGlyphIds(glyphs);
            subsetter.writeToStream(program);
            newToOld = new HashMap<>(subsetter.getGIDMap());
        }
        int[] newGlyph = new int[widths.length];
        Arrays.fill(newGlyph, -1);
        newToOld.forEach((now, old) -> newGlyph[old] = now);
        return new Subset(program.toByteArray(), newGlyph);
    }

    private static double thousandths(int units, double em) {
        return Math.round(units * 1000 / em * 1000) / 1000.0;
    }

    /** The name table's PostScript name, or one made from the key, in the characters a PDF name and PostScript allow. */
    private static String postScriptName(String name, String key) {
        String base = name == null || name.isBlank() ? key.replaceAll("(?i)\\.ttf$", "").replaceAll(".*[/\\\\]", "")
                : name;
        StringBuilder clean = new StringBuilder();
        for (char c : base.toCharArray()) {
            clean.append(c > 32 && c < 127 && "[](){}<>/%#".indexOf(c) < 0 ? c : '-');
        }
        return clean.isEmpty() ? "Font" : clean.toString();
    }

    /**
     * 16 bytes that follow every byte of the font: CRC-32C, CRC-32 and Adler-32 of all of it, and
     * its length (checksums the JVM computes at memory speed; the tag needs no cryptographic hash
     * of the whole file).
     */
    private static byte[] fingerprint(byte[] data) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(data);
        CRC32 crc32 = new CRC32();
        crc32.update(data);
        Adler32 adler = new Adler32();
        adler.update(data);
        return ByteBuffer.allocate(16).putInt((int) crc32c.getValue()).putInt((int) crc32.getValue())
                .putInt((int) adler.getValue()).putInt(data.length).array();
    }

    @Override
    public String toString() {
        return key + " (" + postScriptName + ")";
    }
}
