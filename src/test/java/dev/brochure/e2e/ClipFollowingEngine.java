package dev.brochure.e2e;

import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A PDFBox graphics engine that follows a page's paths only so far as to honour clipping (a photo
 * cropped to its frame is drawn larger than the frame, and the frame is what the reader sees) and
 * tells its subclass when a path is painted. Shading fills are ignored; images are the subclass's.
 */
abstract class ClipFollowingEngine extends PDFGraphicsStreamEngine {

    private final GeneralPath path = new GeneralPath();
    private int pendingClip = -1;

    ClipFollowingEngine(PDPage page) {
        super(page);
    }

    /** The bounds of the path being built, in PDF user space. */
    final Rectangle2D pathBounds() {
        return path.getBounds2D();
    }

    /** A path was stroked, filled or both: here it is only ended (and clips if a clip is pending). */
    void painted() {
        endPath();
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo(p0.getX(), p0.getY());
        path.lineTo(p1.getX(), p1.getY());
        path.lineTo(p2.getX(), p2.getY());
        path.lineTo(p3.getX(), p3.getY());
        path.closePath();
    }

    @Override
    public void clip(int windingRule) {
        pendingClip = windingRule;
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.curveTo(x1, y1, x2, y2, x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return path.getCurrentPoint();
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    @Override
    public void endPath() {
        if (pendingClip >= 0) {
            path.setWindingRule(pendingClip);
            getGraphicsState().intersectClippingPath(path);
            pendingClip = -1;
        }
        path.reset();
    }

    @Override
    public void strokePath() {
        painted();
    }

    @Override
    public void fillPath(int windingRule) {
        painted();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        painted();
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
