package dev.brochure.testing;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.util.Matrix;

/** Finds every image drawn on a page and where it lands (PDF user space, y up). */
public final class PlacedImages extends PDFGraphicsStreamEngine {

    /** An image drawn on a page: its pixel size and its bounds in points. */
    public record Placed(int pixelWidth, int pixelHeight, Rectangle2D bounds) {
    }

    private final List<Placed> found = new ArrayList<>();

    private PlacedImages(PDPage page) {
        super(page);
    }

    public static List<Placed> on(PDPage page) {
        PlacedImages engine = new PlacedImages(page);
        try {
            engine.processPage(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return engine.found;
    }

    public static int count(PDDocument doc) {
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n += on(page).size();
        }
        return n;
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        Rectangle2D bounds = new Rectangle2D.Double(m.getTranslateX(), m.getTranslateY(), m.getScalingFactorX(),
                m.getScalingFactorY());
        found.add(new Placed(image.getWidth(), image.getHeight(), bounds));
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
    }
}
