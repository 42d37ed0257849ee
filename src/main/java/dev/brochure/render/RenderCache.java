package dev.brochure.render;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the renders of one batch share: each embedded font's finished parts (the subset program,
 * its CID-to-glyph map and ToUnicode CMap, compressed, its widths and its name) by font file,
 * glyph set and text, and the size of the last PDF, so the next one's buffer is allocated once.
 * Copies of one brochure mostly draw the same glyphs, so their fonts are subset once. The parts
 * depend only on the key, so a PDF is byte for byte the same with or without the cache. Safe for
 * renders on several threads; bounded in memory.
 */
public final class RenderCache {

    /** Entries kept before the font cache starts afresh (a batch has a few glyph sets per font). */
    private static final int MAX_FONTS = 256;

    /** A font's parts that depend only on the font, the glyphs drawn and the text they show. */
    record FontKey(Path font, SortedSet<Integer> glyphs, TreeMap<Integer, String> text) {
    }

    /** An embedded font's finished parts; the streams compressed at the writer's level. */
    record FontParts(String name, byte[] program, int programLength, byte[] cidToGid, String widths,
            byte[] toUnicode) {
    }

    private final Map<FontKey, FontParts> fonts = new ConcurrentHashMap<>();
    private final AtomicInteger lastSize = new AtomicInteger(1 << 20);

    FontParts font(FontKey key, Supplier<FontParts> make) {
        FontParts known = fonts.get(key);
        if (known != null) {
            return known;
        }
        FontParts made = make.get();
        if (fonts.size() >= MAX_FONTS) {
            fonts.clear();
        }
        fonts.putIfAbsent(key, made);
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
