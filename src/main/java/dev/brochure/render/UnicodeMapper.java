package dev.brochure.render;

import dev.brochure.typeset.font.FontFace;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;

/**
 * Keeps text extractable when shaping substituted a glyph (a contextual alternate such as
 * Vollkorn's 'f' before 'f' or 'i'): such a glyph has no entry in the font's character map, so
 * OpenPDF would leave it out of the PDF's ToUnicode table and search and copy would lose the
 * letter. This registers the character each substituted glyph shows, through OpenPDF's own
 * hook for that. It extends {@link GlyphLayoutManager} only to reach that protected hook; it
 * is never instantiated.
 */
final class UnicodeMapper extends GlyphLayoutManager {

    private UnicodeMapper() {
        throw new AssertionError("not instantiable");
    }

    static void register(PdfContentByte cb, BaseFont base, FontFace face, PageItem.GlyphRun run) {
        List<Integer> glyphs = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < run.glyphs().length; i++) {
            String shown = run.textOf(i);
            if (shown.length() == 1 && face.cmapGlyph(shown.charAt(0)) != run.glyphs()[i]) {
                glyphs.add(run.glyphs()[i]);
                chars.append(shown.charAt(0));
            }
        }
        if (!glyphs.isEmpty()) {
            int[] codes = glyphs.stream().mapToInt(Integer::intValue).toArray();
            completeCmap(cb, base, chars.toString(), face.glyphVector(codes));
        }
    }
}
