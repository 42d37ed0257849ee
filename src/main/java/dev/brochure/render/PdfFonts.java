package dev.brochure.render;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.brochure.world.font.FontBook;
import dev.brochure.world.font.FontFace;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts typesetting used, as the renderer embeds them: each file read and parsed once per
 * process into an {@link EmbeddableFont} (from its bytes, keyed by the file).
 */
final class PdfFonts {

    private static final Map<Path, EmbeddableFont> LOADED = new ConcurrentHashMap<>();

    private PdfFonts() {
    }

    static EmbeddableFont get(Path file) {
        return LOADED.computeIfAbsent(file, PdfFonts::load);
    }

    private static EmbeddableFont load(Path file) {
        try {
            return EmbeddableFont.parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot embed font '" + file.getFileName() + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be corrupt; replace it with an undamaged TrueType (.ttf) font");
        }
    }
}
