package dev.brochure.render;

import dev.brochure.typeset.page.Tag;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfRectangle;

/**
 * Page furniture as a tagged PDF marks it: {@code /Artifact} marked content whose properties say
 * what kind (ISO 32000-1, 14.8.2.2): a running footer is pagination, a rule or the box behind a
 * panel is layout, a page's colour is its background, crop marks belong to the printed sheet.
 */
final class Artifacts {

    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName LAYOUT = new PdfName("Layout");
    private static final PdfName PAGE = new PdfName("Page");
    private static final PdfName BACKGROUND = new PdfName("Background");
    private static final PdfName FOOTER = new PdfName("Footer");

    private Artifacts() {
    }

    /** The properties of an artifact of this kind, as written inline in a content stream. */
    static String properties(Tag.Artifact kind) {
        return switch (kind) {
            case FOOTER -> "<</Type /Pagination /Subtype /Footer>>";
            case LAYOUT -> "<</Type /Layout>>";
            case PAGE -> "<</Type /Page>>";
            case BACKGROUND -> "<</Type /Background>>";
        };
    }

    /**
     * Opens an artifact's marked-content sequence on a page; {@code bbox} (llx, lly, urx, ury)
     * is where it shows, which a background must say.
     */
    static void begin(PdfContentByte cb, Tag.Artifact kind, float... bbox) {
        PdfDictionary properties = new PdfDictionary();
        switch (kind) {
            case FOOTER -> {
                properties.put(PdfName.TYPE, PAGINATION);
                properties.put(PdfName.SUBTYPE, FOOTER);
            }
            case LAYOUT -> properties.put(PdfName.TYPE, LAYOUT);
            case PAGE -> properties.put(PdfName.TYPE, PAGE);
            case BACKGROUND -> properties.put(PdfName.TYPE, BACKGROUND);
        }
        if (bbox.length == 4) {
            properties.put(PdfName.BBOX, new PdfRectangle(bbox[0], bbox[1], bbox[2], bbox[3]));
        }
        cb.beginMarkedContentSequence(ARTIFACT, properties, true);
    }
}
