package dev.brochure.world.font;

import dev.brochure.vocab.FontFamily;
import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of the process: each file is parsed once and shared by every build (and, later,
 * by every copy of a batch). Thread-safe.
 */
public final class FontBook {

    private static final Map<Path, FontFace> LOADED = new ConcurrentHashMap<>();

    private FontBook() {
    }

    public static FontFace face(FontFamily family, boolean bold, boolean italic) {
        return load(family.face(bold, italic));
    }

    public static FontFace load(Path file) {
        FontFace known = LOADED.get(file);
        if (known != null) {
            return known;
        }
        return LOADED.computeIfAbsent(file, FontBook::read);
    }

    private static FontFace read(Path file) {
        try {
            return new FontFace(file, Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
        } catch (FontFormatException | IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot load font '" + file.getFileName() + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be corrupt; replace it with an undamaged TrueType (.ttf) font");
        }
    }
}
