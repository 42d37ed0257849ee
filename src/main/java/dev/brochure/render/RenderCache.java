package dev.brochure.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfStream;
import java.util.function.Supplier;

/**
 * What the renders of a batch's copies share, kept in the build context ({@link #of}): each
 * embedded font's finished parts (the subset program, its CID-to-glyph map and ToUnicode CMap,
 * compressed, its widths and its name) by font, glyph set and text; compressed page text by its
 * bytes; prepared images by file stamp, pixels and policy; and the size of the last PDF, so the
 * next one's buffer is allocated once. Copies of one brochure mostly draw the same glyphs, so
 * their fonts are subset once. Every entry depends only on its key, so a PDF is byte for byte the
 * same with or without the cache, and an edited file finds none of its old entries. Safe for
 * renders on several threads; bounded in memory.
 */
public final class RenderCache {

    /** The render cache of {@code workspace}'s builds: one per build context. */
    public static RenderCache of(dev.brochure.world.Workspace workspace) {
        return workspace.slot(RenderCache.class, RenderCache::new);
    }

    /** Entries kept before the font cache starts afresh (a batch has a few glyph sets per font). */
    private static final int MAX_FONTS = 256;
    /** The bytes kept font parts may hold before that cache starts afresh (each copy's own names make glyph sets of their own). */
    private static final long MAX_FONT_BYTES = 8L * 1024 * 1024;

    /**
     * A font's parts that depend only on the font, the glyphs drawn and the text they show. The
     * font is the workspace's object for one version of its file (compared as that object), so an
     * edited font file never finds the parts of its old version.
     */
    record FontKey(EmbeddableFont font, SortedSet<Integer> glyphs, TreeMap<Integer, String> text) {
    }

    /** An embedded font's finished parts; the streams compressed at the writer's level. */
    record FontParts(String name, byte[] program, int programLength, byte[] cidToGid, String widths,
            byte[] toUnicode) {
        long bytes() {
            return program.length + cidToGid.length + 2L * widths.length() + toUnicode.length;
        }
    }

    /** Compressed page text kept, in bytes, before that cache starts afresh (personal pages fill it). */
    private static final long MAX_COMPRESSED_BYTES = 8L * 1024 * 1024;

    /** Raw bytes as a key. */
    private record Raw(byte[] bytes, int level) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && r.level == level && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + level;
        }
    }

    /** An image ready to draw: OpenPDF's object (only read when a PDF is written), and whether it is the whole file. */
    record PreparedImage(org.openpdf.text.Image image, boolean whole) {
    }

    /** Prepared images kept before that cache starts afresh (a brochure has tens). */
    private static final int MAX_IMAGES = 512;
    /** The bytes prepared images may hold before that cache starts afresh. */
    private static final long MAX_IMAGE_BYTES = 128L * 1024 * 1024;

    private final Map<FontKey, FontParts> fonts = new ConcurrentHashMap<>();
    private final AtomicLong fontBytes = new AtomicLong();
    private final Map<Object, PreparedImage> images = new ConcurrentHashMap<>();
    private final AtomicLong imageBytes = new AtomicLong();
    private final Map<Raw, byte[]> compressed = new ConcurrentHashMap<>();
    private final AtomicLong compressedBytes = new AtomicLong();
    private final AtomicInteger lastSize = new AtomicInteger(1 << 20);

    FontParts font(FontKey key, Supplier<FontParts> make) {
        FontParts known = fonts.get(key);
        if (known != null) {
            return known;
        }
        FontParts made = make.get();
        long bytes = made.bytes();
        if (fonts.size() >= MAX_FONTS || fontBytes.addAndGet(bytes) > MAX_FONT_BYTES) {
            fonts.clear();
            fontBytes.set(bytes);
        }
        fonts.putIfAbsent(key, made);
        return made;
    }

    /**
     * The image prepared for {@code key} by an earlier render, else the one {@code make} prepares.
     * Every copy of a batch is drawn with the same image objects, so each photo is read, cut and
     * decoded once per run. The key names all the image depends on within one batch (its file,
     * the pixels taken, the image policy); the files do not change during a run (its
     * fingerprints are taken at the start).
     */
    PreparedImage image(Object key, Supplier<PreparedImage> make) {
        PreparedImage known = images.get(key);
        if (known != null) {
            return known;
        }
        PreparedImage made = make.get();
        long bytes = bytes(made.image());
        if (images.size() >= MAX_IMAGES || imageBytes.addAndGet(bytes) > MAX_IMAGE_BYTES) {
            images.clear();
            imageBytes.set(bytes);
        }
        PreparedImage first = images.putIfAbsent(key, made);
        return first != null ? first : made;
    }

    /** What an image object holds: its encoded bytes or samples, and its mask's. */
    private static long bytes(org.openpdf.text.Image image) {
        long bytes = image.getRawData() == null ? 0 : image.getRawData().length;
        return image.getImageMask() == null ? bytes : bytes + bytes(image.getImageMask());
    }

    /** Whether an image for {@code key} is prepared already. */
    boolean hasImage(Object key) {
        return key != null && images.containsKey(key);
    }

    /**
     * {@code raw} compressed as OpenPDF's {@code flateCompress} compresses a stream at
     * {@code level}: from an earlier render when one compressed the same bytes.
     */
    byte[] compressed(byte[] raw, int level) {
        Raw key = new Raw(raw, level);
        byte[] known = compressed.get(key);
        if (known != null) {
            return known;
        }
        PdfStream stream = new PdfStream(raw);
        stream.flateCompress(level);
        if (!PdfName.FLATEDECODE.equals(stream.get(PdfName.FILTER))) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
        try {
            stream.writeContent(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] made = out.toByteArray();
        if (compressedBytes.addAndGet(raw.length + made.length) > MAX_COMPRESSED_BYTES) {
            compressed.clear();
            compressedBytes.set(raw.length + made.length);
        }
        compressed.putIfAbsent(key, made);
        return made;
    }

    /** A buffer size for the next PDF: a little more than the last one. */
    int bufferSize() {
        return lastSize.get() + (lastSize.get() >> 3);
    }

    void sized(int bytes) {
        lastSize.set(bytes);
    }
}
