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
 * OpenPDF fonts for the files typesetting used: embedded, subset, Identity-H encoded. Each file
 * is parsed once per process. Also answers the advance width the PDF will record for a glyph,
 * which drawing needs to place every glyph exactly where typesetting put it.
 */
final class PdfFonts {

    private static final Map<Path, PdfFont> LOADED = new ConcurrentHashMap<>();

    /** A loaded font and the widths (thousandths of an em) of the glyphs looked up so far. */
    record PdfFont(BaseFont base, FontFace face, Map<Integer, Integer> widths) {

        /**
         * The glyph's width as OpenPDF records it in the font's /W array: its design advance in
         * thousandths of an em, truncated to a whole number, as OpenPDF computes it.
         */
        int width(int glyph) {
            return widths.computeIfAbsent(glyph, g -> (int) Math.floor(face.designWidth(g) + 1e-3));
        }
    }

    private PdfFonts() {
    }

    static PdfFont get(Path file) {
        return LOADED.computeIfAbsent(file, PdfFonts::load);
    }

    private static PdfFont load(Path file) {
        try {
            // From the file's bytes in memory: OpenPDF then subsets from memory on every build instead
            // of reading the file again a byte at a time.
            BaseFont base = BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    Files.readAllBytes(file), null);
            base.setSubset(true);
            base.setSecureRandom(new SubsetTags(file));
            return new PdfFont(base, FontBook.load(file), new ConcurrentHashMap<>());
        } catch (BrochureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // OpenPDF reports a damaged font as DocumentException or as whatever its parser hit.
            throw BrochureException.of(SourceLocation.of(file), "cannot embed font '" + file.getFileName() + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be corrupt; replace it with an undamaged TrueType (.ttf) font");
        }
    }
}
