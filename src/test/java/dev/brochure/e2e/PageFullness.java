package dev.brochure.e2e;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * How far down a page its content reaches, read from the PDF alone: the lowest point of every
 * glyph outline, image (as clipped) and filled or stroked path drawn on the page. What starts
 * below the type area (the running footer in the bottom margin) and fills covering the whole
 * page (a background colour) are not content. Distances in points, y down from the page's top.
 */
final class PageFullness extends ClipFollowingEngine {

    private final float pageHeight;
    private final float pageWidth;
    private final double typeBottom;
    private double lowest = Double.NaN;

    private PageFullness(PDPage page, double typeBottom) {
        super(page);
        this.pageHeight = page.getMediaBox().getHeight();
        this.pageWidth = page.getMediaBox().getWidth();
        this.typeBottom = typeBottom;
    }

    /**
     * The y (down from the page's top) of the lowest drawn point of content that starts above
     * {@code typeBottom}, capped there; NaN for a page with no such content.
     */
    static double lowest(PDPage page, double typeBottom) throws IOException {
        PageFullness engine = new PageFullness(page, typeBottom);
        engine.processPage(page);
        return engine.lowest;
    }

    /** The share of the type area left empty below the lowest content, 0 to 1. */
    static double emptyShare(PDPage page, double typeTop, double typeBottom) throws IOException {
        double low = lowest(page, typeBottom);
        if (Double.isNaN(low)) {
            return 1;
        }
        return Math.max(0, typeBottom - low) / (typeBottom - typeTop);
    }

    private void drawn(Rectangle2D pdfBounds) {
        Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
        Rectangle2D visible = pdfBounds.createIntersection(clip);
        if (visible.isEmpty() && !(pdfBounds.getHeight() == 0 || pdfBounds.getWidth() == 0)) {
            return;
        }
        double top = pageHeight - visible.getMaxY();
        double bottom = pageHeight - visible.getMinY();
        if (top >= typeBottom - 0.5) {
            return;
        }
        double low = Math.min(bottom, typeBottom);
        lowest = Double.isNaN(lowest) ? low : Math.max(lowest, low);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
            throws IOException {
        if (!(font instanceof PDVectorFont vector)) {
            return;
        }
        GeneralPath glyph = vector.getNormalizedPath(code);
        if (glyph == null || glyph.getBounds2D().isEmpty()) {
            return;
        }
        AffineTransform at = textRenderingMatrix.createAffineTransform();
        at.scale(1 / 1000.0, 1 / 1000.0);
        drawn(at.createTransformedShape(glyph).getBounds2D());
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        Shape unit = ctm.createAffineTransform().createTransformedShape(new Rectangle2D.Double(0, 0, 1, 1));
        drawn(unit.getBounds2D());
    }

    @Override
    void painted() {
        Rectangle2D bounds = pathBounds();
        boolean background = bounds.getWidth() >= pageWidth - 1 && bounds.getHeight() >= pageHeight - 1;
        if (!background && (bounds.getWidth() > 0 || bounds.getHeight() > 0)) {
            drawn(bounds);
        }
        endPath();
    }
}
