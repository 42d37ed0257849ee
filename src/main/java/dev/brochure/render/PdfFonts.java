package dev.brochure.render;

import dev.brochure.diag.BrochureException;
import dev.brochure.world.Workspace;
import dev.brochure.world.font.FontFace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openpdf.text.pdf.BaseFont;

/**
 * OpenPDF fonts for the files typesetting used: embedded, subset, Identity-H encoded, made from
 * the workspace's font object (its bytes, as read once). Each version of a file is parsed once
 * per workspace. Also answers the advance width the PDF will record for a glyph, which drawing
 * needs to place every glyph exactly where typesetting put it. One instance serves one document.
 */
final class PdfFonts {

    /** Render's slot in the workspace: the OpenPDF font of each font object used so far. */
    private static final class Loaded {
        private final Map<Path, PdfFont> byFile = new ConcurrentHashMap<>();
    }

    /** A loaded font, its subset tags and the widths (thousandths of an em) of the glyphs looked up so far. */
    record PdfFont(BaseFont base, FontFace face, SubsetTags tags, Map<Integer, Integer> widths) {

        /**
         * The glyph's width as OpenPDF records it in the font's /W array: its design advance in
         * thousandths of an em, truncated to a whole number, as OpenPDF computes it.
         */
        int width(int glyph) {
            return widths.computeIfAbsent(glyph, g -> (int) Math.floor(face.designWidth(g) + 1e-3));
        }
    }

    private final Workspace workspace;
    private final Map<Path, PdfFont> loaded;
    private final Map<Path, PdfFont> inDocument = new HashMap<>();

    PdfFonts(Workspace workspace) {
        this.workspace = workspace;
        this.loaded = workspace.slot(Loaded.class, Loaded::new).byFile;
    }

    /**
     * The lock a document holds while it is written: the fonts (and their subset tags) are shared
     * by the workspace's documents, and the tags follow the document being written.
     */
    Object lock() {
        return loaded;
    }

    PdfFont get(Path file) {
        return inDocument.computeIfAbsent(file, f -> {
            FontFace face = workspace.font(f);
            return loaded.compute(f, (p, old) -> old != null && old.face() == face ? old : load(face));
        });
    }

    /** Makes each font's subset tag follow the glyphs this document uses from it. */
    void begin(Map<Path, Set<Integer>> glyphsByFont) {
        glyphsByFont.forEach((file, glyphs) -> get(file).tags().use(glyphs));
    }

    private PdfFont load(FontFace face) {
        Path file = face.file();
        try {
            // From the font object's bytes in memory: OpenPDF then subsets from memory on every build
            // instead of reading the file again a byte at a time.
            BaseFont base = BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    face.bytes(), null);
            base.setSubset(true);
            SubsetTags tags = new SubsetTags(file);
            base.setSecureRandom(tags);
            return new PdfFont(base, face, tags, new ConcurrentHashMap<>());
        } catch (BrochureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // OpenPDF reports a damaged font as DocumentException or as whatever its parser hit.
            throw BrochureException.of(workspace.where(file), "cannot embed font '" + file.getFileName() + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be corrupt; replace it with an undamaged TrueType (.ttf) font");
        }
    }
}
