package dev.brochure.inspect;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Runs one page's content (with the forms it draws, not its annotations) and records what is
 * painted, in painting order: every glyph with its colour, size and box, every filled shape with
 * its colour, every image with where it shows, every stroke; and for each, whether it is real
 * content of the logical structure (inside marked content whose MCID the parent tree gives an
 * element), an artifact, or neither. Also collects the text of each marked-content sequence, so
 * that {@link ReadingOrder} can read the text in the structure's order. For {@code verify}'s
 * {@code tagged} and {@code contrast} rules.
 */
final class ContentScanner extends PDFGraphicsStreamEngine {

    /** Where a painted thing stands in the logical structure. */
    enum Status { CONTENT, ARTIFACT, UNTAGGED }

    /** Something painted on the page, in page space (PDF units, y up). */
    sealed interface Painted {
        Status status();
    }

    /** A glyph: its box, colour (RGB 0–255), size in points, whether its font is bold, its text. */
    record Glyph(Rectangle2D box, int rgb, double size, boolean bold, String text, Status status) implements Painted {
    }

    /** A filled shape of one colour ({@code rgb} is -1 when it is not a plain colour). */
    record Fill(Shape shape, int rgb, Status status) implements Painted {
    }

    /** An image: the transformation it is drawn with and the clip it shows through. */
    record Picture(PDImage image, Matrix ctm, Shape clip, Status status) implements Painted {
    }

    /** A stroked path (a rule), or anything else painted that gives no background. */
    record Stroke(Status status) implements Painted {
    }

    /** A marked-content sequence being read: its tag, MCID (-1 for none) and the stream it belongs to. */
    private record Mark(String tag, int mcid, Object stream, Integer structParents) {
    }

    private final ParentTree parents;
    private final List<Painted> painted = new ArrayList<>();
    /** The text of each marked-content sequence, by its stream (the page or a form) and MCID. */
    private final Map<ReadingOrder.Key, ReadingOrder.Sequence> text;
    private final Deque<Mark> marks = new ArrayDeque<>();
    /** The stream being read: the page's dictionary, or a form's stream; and its StructParents. */
    private final Deque<Object> streams = new ArrayDeque<>();
    private final Deque<Integer> structParents = new ArrayDeque<>();
    private GeneralPath path = new GeneralPath();
    /** The winding rule of a clip (W, W*) waiting for the path to be ended, or -1. */
    private int clipRule = -1;

    ContentScanner(PDPage page, ParentTree parents, Map<ReadingOrder.Key, ReadingOrder.Sequence> text) {
        super(page);
        this.parents = parents;
        this.text = text;
    }

    List<Painted> scan() throws IOException {
        PDPage page = getPage();
        streams.push(page.getCOSObject());
        structParents.push(page.getCOSObject().getInt(COSName.STRUCT_PARENTS, -1));
        processPage(page);
        return painted;
    }

    // Marked content and the streams it lives in.

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        int mcid = properties == null ? -1 : properties.getInt(COSName.MCID, -1);
        marks.push(new Mark(tag == null ? "" : tag.getName(), mcid, streams.peek(), structParents.peek()));
    }

    @Override
    public void endMarkedContentSequence() {
        if (!marks.isEmpty()) {
            marks.pop();
        }
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        enter(form);
        try {
            super.showForm(form);
        } finally {
            leave();
        }
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
        enter(group);
        try {
            super.showTransparencyGroup(group);
        } finally {
            leave();
        }
    }

    private void enter(PDFormXObject form) {
        streams.push(form.getCOSObject());
        structParents.push(form.getCOSObject().getInt(COSName.STRUCT_PARENTS, -1));
    }

    private void leave() {
        streams.pop();
        structParents.pop();
    }

    /** Whether what is painted now is an artifact, content of an element, or neither. */
    private Status status() {
        for (Mark mark : marks) {
            if ("Artifact".equals(mark.tag())) {
                return Status.ARTIFACT;
            }
        }
        Mark owner = owner();
        return owner != null && parents.element(owner.structParents(), owner.mcid()) != null ? Status.CONTENT
                : Status.UNTAGGED;
    }

    /** The innermost marked-content sequence with an MCID, or null. */
    private Mark owner() {
        for (Mark mark : marks) {
            if (mark.mcid() >= 0) {
                return mark;
            }
        }
        return null;
    }

    // What is painted.

    @Override
    protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
        double size = Math.abs(trm.getScalingFactorY());
        double advance = font.getWidth(code) / 1000.0 * Math.abs(trm.getScalingFactorX());
        double x = trm.getTranslateX();
        double y = trm.getTranslateY();
        String unicode = font.toUnicode(code);
        Status status = status();
        painted.add(new Glyph(new Rectangle2D.Double(x, y - 0.2 * size, Math.max(advance, 0.1), 0.9 * size),
                rgb(getGraphicsState().getNonStrokingColor()), size, bold(font), unicode == null ? "" : unicode,
                status));
        Mark owner = owner();
        if (owner != null && unicode != null) {
            text.computeIfAbsent(new ReadingOrder.Key(owner.stream(), owner.mcid()), k -> new ReadingOrder.Sequence())
                    .add(unicode, y, size);
        }
        super.showGlyph(trm, font, code, displacement);
    }

    private static boolean bold(PDFont font) {
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.getFontWeight() >= 600 || descriptor.isForceBold())) {
            return true;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(java.util.Locale.ROOT);
        return name.contains("bold") || name.contains("black") || name.contains("heavy");
    }

    private static int rgb(PDColor color) {
        try {
            return color == null ? 0 : color.toRGB();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void drawImage(PDImage image) {
        Area clip = getGraphicsState().getCurrentClippingPath();
        painted.add(new Picture(image, getGraphicsState().getCurrentTransformationMatrix().clone(), clip, status()));
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo((float) p0.getX(), (float) p0.getY());
        path.lineTo((float) p1.getX(), (float) p1.getY());
        path.lineTo((float) p2.getX(), (float) p2.getY());
        path.lineTo((float) p3.getX(), (float) p3.getY());
        path.closePath();
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x3, y3);
        } else {
            path.curveTo(x1, y1, x2, y2, x3, y3);
        }
    }

    @Override
    public Point2D getCurrentPoint() {
        Point2D p = path.getCurrentPoint();
        return p == null ? new Point2D.Float() : p;
    }

    @Override
    public void closePath() {
        if (path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    @Override
    public void endPath() {
        newPath();
    }

    @Override
    public void strokePath() {
        painted.add(new Stroke(status()));
        newPath();
    }

    @Override
    public void fillPath(int windingRule) {
        path.setWindingRule(windingRule);
        painted.add(new Fill((Shape) path.clone(), rgb(getGraphicsState().getNonStrokingColor()), status()));
        newPath();
    }

    /** Ends the path; a clip set for it (W before the painting operator) takes effect now, as in PDF. */
    private void newPath() {
        if (clipRule >= 0) {
            path.setWindingRule(clipRule);
            getGraphicsState().intersectClippingPath(path);
            clipRule = -1;
        }
        path = new GeneralPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        fillPath(windingRule);
    }

    @Override
    public void clip(int windingRule) {
        clipRule = windingRule;
    }

    @Override
    public void shadingFill(COSName shadingName) {
        painted.add(new Stroke(status()));
    }

    /** The parent tree of a document: which element each MCID of a stream with StructParents belongs to. */
    static final class ParentTree {
        private final Map<Integer, COSBase> entries;

        ParentTree(Map<Integer, COSBase> entries) {
            this.entries = entries;
        }

        /** The element marked-content sequence {@code mcid} of a stream with {@code structParents} is content of. */
        COSBase element(Integer structParents, int mcid) {
            if (structParents == null || structParents < 0 || mcid < 0) {
                return null;
            }
            COSBase entry = entries.get(structParents);
            if (entry instanceof org.apache.pdfbox.cos.COSObject o) {
                entry = o.getObject();
            }
            if (entry instanceof org.apache.pdfbox.cos.COSArray array && mcid < array.size()) {
                COSBase element = array.getObject(mcid);
                return element instanceof COSDictionary ? element : null;
            }
            return null;
        }
    }
}
