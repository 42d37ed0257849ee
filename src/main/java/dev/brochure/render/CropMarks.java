package dev.brochure.render;

import org.openpdf.text.pdf.PdfContentByte;

/**
 * Trim marks for the print shop: at each corner, two thin lines on the trim edges' extensions,
 * in the slug outside the bleed, so that none of them can show on the trimmed page.
 */
final class CropMarks {

    private static final float WIDTH = 0.25f;

    private CropMarks() {
    }

    /**
     * @param offset distance from the media box edge to the trim box edge (bleed + slug)
     * @param bleed  the bleed, which the marks keep clear of
     */
    static void draw(PdfContentByte cb, double trimWidth, double trimHeight, double offset, double bleed) {
        float gap = (float) (bleed + 2 * 72 / 25.4);
        float end = (float) offset;
        float left = (float) offset;
        float bottom = (float) offset;
        float right = (float) (offset + trimWidth);
        float top = (float) (offset + trimHeight);
        Artifacts.begin(cb, dev.brochure.typeset.page.Tag.Artifact.PAGE);
        cb.saveState();
        cb.setLineWidth(WIDTH);
        cb.setRGBColorStroke(0, 0, 0);
        for (float x : new float[] {left, right}) {
            // vertical marks above and below the page, on the trim edge line
            cb.moveTo(x, top + gap);
            cb.lineTo(x, top + end);
            cb.moveTo(x, bottom - gap);
            cb.lineTo(x, bottom - end);
        }
        for (float y : new float[] {bottom, top}) {
            // horizontal marks left and right of the page
            cb.moveTo(left - gap, y);
            cb.lineTo(left - end, y);
            cb.moveTo(right + gap, y);
            cb.lineTo(right + end, y);
        }
        cb.stroke();
        cb.restoreState();
        cb.endMarkedContentSequence();
    }
}
