package dev.brochure.content.theme;

import dev.brochure.world.MemoryBudget;
import dev.brochure.world.font.FontBook;
import dev.brochure.world.font.FontFace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A look at a font file's table directory, so that a damaged or mislabelled font is reported at
 * the theme line that names it rather than when typesetting first uses it. It looks at the
 * workspace's font object for the file (its bytes, read once and used by every stage later), not
 * at the file: the signature, that every table lies inside the file, and that the tables a font
 * needs to be typeset and embedded are there.
 */
final class FontFileCheck {

    private static final int TRUETYPE = 0x00010000;
    private static final int OPENTYPE_CFF = 0x4F54544F; // OTTO
    private static final int APPLE_TRUETYPE = 0x74727565; // true
    private static final int COLLECTION = 0x74746366; // ttcf
    private static final int WOFF = 0x774F4646; // wOFF
    private static final int WOFF2 = 0x774F4632; // wOF2
    private static final int MAX_TABLES = 512;

    private FontFileCheck() {
    }

    /** What is wrong with the file as a font, if anything. */
    static Optional<String> problem(Path path, FontBook fonts) {
        FontFace font;
        try {
            // Checked before the workspace reads the whole file into memory.
            long size = Files.isRegularFile(path) ? Files.size(path) : 0; // a built-in font lies in the jar
            MemoryBudget budget = MemoryBudget.ofThisProcess();
            if (size > budget.fontBytes()) {
                return Optional.of("is " + MemoryBudget.size(size) + ", more than the " + MemoryBudget.size(budget.fontBytes())
                        + " a font file may have" + (MemoryBudget.boundByHeap(budget.fontBytes(), MemoryBudget.MAX_FONT_BYTES)
                                ? " in " + budget.heap() : "") + " (a font is some 20 MB at most)");
            }
            font = fonts.file(path);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        return problem(font);
    }

    /** What is wrong with the font's bytes as a font, if anything. */
    static Optional<String> problem(FontFace font) {
        ByteBuffer file = font.buffer();
        long size = file.capacity();
        if (size < 12) {
            return Optional.of("is too short to be a font");
        }
        int signature = file.getInt(0);
        switch (signature) {
            case TRUETYPE, OPENTYPE_CFF, APPLE_TRUETYPE -> { }
            case COLLECTION -> {
                return Optional.of("is a font collection (.ttc), which is not supported");
            }
            case WOFF, WOFF2 -> {
                return Optional.of("is a web font (WOFF), which is not supported");
            }
            default -> {
                return Optional.of("is not a TrueType or OpenType font");
            }
        }
        int tables = file.getShort(4) & 0xffff;
        if (tables == 0 || tables > MAX_TABLES) {
            return Optional.of("is corrupt (its table directory lists " + tables + " tables)");
        }
        if (size < 12 + 16L * tables) {
            return Optional.of("is corrupt (it ends inside its table directory)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            byte[] tag = new byte[4];
            file.get(entry, tag);
            String name = new String(tag, java.nio.charset.StandardCharsets.ISO_8859_1);
            long offset = file.getInt(entry + 8) & 0xffffffffL;
            long length = file.getInt(entry + 12) & 0xffffffffL;
            if (!name.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                return Optional.of("is corrupt (its table directory holds an invalid table name)");
            }
            if (offset + length > size) {
                return Optional.of("is corrupt (its '" + name.strip() + "' table lies beyond the end of the file;"
                        + " the file may be truncated)");
            }
            names.add(name);
        }
        for (String required : new String[] {"cmap", "head", "hhea", "hmtx", "maxp"}) {
            if (!names.contains(required)) {
                return Optional.of("is corrupt or incomplete (it has no '" + required + "' table)");
            }
        }
        boolean outlines = names.contains("glyf") && names.contains("loca") || names.contains("CFF ")
                || names.contains("CFF2");
        return outlines ? Optional.empty() : Optional.of("has no glyph outlines (no 'glyf' or 'CFF ' table)");
    }
}
