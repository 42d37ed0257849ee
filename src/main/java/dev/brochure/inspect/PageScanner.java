package dev.brochure.inspect;

import dev.brochure.inspect.report.Box;
import dev.brochure.inspect.report.ImageInfo;
import dev.brochure.inspect.report.OffPageText;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Runs one page's content stream (and the forms it draws) through PDFBox's graphics engine and
 * records what inspect reports: each image with the transformation it is drawn with, each
 * glyph shown, with its font, for {@link FontTally}, and the glyphs drawn outside the page's
 * media box ({@link OffPage}). Paths are not needed and are ignored.
 */
final class PageScanner extends PDFGraphicsStreamEngine {

    private final int pageNumber;
    private final FontTally fonts;
    private final List<ImageInfo> images;
    private final PDRectangle media;
    private String xobjectName = "inline";
    private Point2D current = new Point2D.Float();
    private int glyphsOutside;
    private final StringBuilder textOutside = new StringBuilder();

    PageScanner(PDPage page, int pageNumber, FontTally fonts, List<ImageInfo> images) {
        super(page);
        this.pageNumber = pageNumber;
        this.fonts = fonts;
        this.images = images;
        this.media = page.getMediaBox();
    }

    /** The text the page draws outside its media box, if it draws any. */
    Optional<OffPageText> offPage() {
        return glyphsOutside == 0 ? Optional.empty()
                : Optional.of(new OffPageText(pageNumber, glyphsOutside, textOutside.toString().strip()));
    }

    /** The page's content, then the appearances of its annotations (form fields draw text and images too). */
    void scan() throws IOException {
        processPage(getPage());
        for (PDAnnotation annotation : getPage().getAnnotations()) {
            showAnnotation(annotation);
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        // The image callback does not say which resource is drawn; "Do" names it just before.
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.getFirst() instanceof COSName name) {
            xobjectName = name.getName();
        } else if ("BI".equals(operator.getName())) {
            xobjectName = "inline";
        }
        super.processOperator(operator, operands);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        fonts.shown(pageNumber, font, code);
        if (OffPage.outside(textRenderingMatrix, displacement, media)) {
            glyphsOutside++;
            if (textOutside.length() < OffPageText.SAMPLE) {
                String unicode = font.toUnicode(code);
                textOutside.append(unicode == null ? "" : unicode);
            }
        }
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        // The image fills the unit square of its own space; the CTM maps it onto the page.
        double a = m.getScaleX();
        double b = m.getShearY();
        double c = m.getShearX();
        double d = m.getScaleY();
        double e = m.getTranslateX();
        double f = m.getTranslateY();
        double width = Math.hypot(a, b);
        double height = Math.hypot(c, d);
        double x = Math.min(Math.min(e, e + a), Math.min(e + c, e + a + c));
        double y = Math.min(Math.min(f, f + b), Math.min(f + d, f + b + d));
        double ppi = width > 0 && height > 0
                ? Math.min(image.getWidth() * 72 / width, image.getHeight() * 72 / height)
                : 0;
        String name = image instanceof PDInlineImage ? "inline" : xobjectName;
        images.add(new ImageInfo(pageNumber, name, object(image), image.getWidth(), image.getHeight(),
                new Box(x, y, width, height), ppi, colorSpace(image), image.getBitsPerComponent(), filters(image),
                bytes(image)));
    }

    private static String object(PDImage image) {
        if (image instanceof PDImageXObject xobject) {
            COSObjectKey key = xobject.getCOSObject().getKey();
            return key == null ? null : key.getNumber() + " " + key.getGeneration();
        }
        return null;
    }

    private static String colorSpace(PDImage image) {
        if (image.isStencil()) {
            return "stencil mask";
        }
        try {
            PDColorSpace space = image.getColorSpace();
            if (space == null) {
                return "unknown";
            }
            String name = space.getName();
            return "ICCBased".equals(name) ? name + " (" + space.getNumberOfComponents() + " components)" : name;
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private static String filters(PDImage image) {
        List<String> names;
        if (image instanceof PDImageXObject xobject) {
            names = xobject.getStream().getFilters().stream().map(COSName::getName).toList();
        } else if (image instanceof PDInlineImage inline) {
            names = inline.getFilters();
        } else {
            names = List.of();
        }
        return names == null || names.isEmpty() ? "none" : names.stream().collect(Collectors.joining("+"));
    }

    private static long bytes(PDImage image) throws IOException {
        if (image instanceof PDImageXObject xobject) {
            long total = xobject.getCOSObject().getLength();
            PDImageXObject mask = xobject.getSoftMask();
            return mask == null ? total : total + mask.getCOSObject().getLength();
        }
        if (image instanceof PDInlineImage inline) {
            return inline.getData().length;
        }
        return 0;
    }

    // Paths play no part in the report; the engine still needs a current point to stay consistent.

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        current = p0;
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        current = new Point2D.Float(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
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
    public void shadingFill(COSName shadingName) {
    }
}
