package dev.brochure.inspect;

import java.awt.geom.Point2D;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Whether a glyph is drawn wholly outside its page's media box, where no viewer or printer shows
 * it (a position of 10^18 points, a negative font size pushing text off the edge). Such text is
 * still in the file, and text extraction would find it: verify counts it as a failure and leaves
 * it out of the text it compares with the content.
 */
public final class OffPage {

    /** How far below its baseline and above it a glyph may reach, in ems: generous for any font. */
    private static final float DESCENT = -0.5f;
    private static final float ASCENT = 1.5f;

    private OffPage() {
    }

    /**
     * Whether the glyph at {@code textRenderingMatrix} (text space to user space, font size
     * included), {@code displacement} wide, lies outside {@code media}; a position that is not a
     * finite number lies outside too.
     */
    public static boolean outside(Matrix textRenderingMatrix, Vector displacement, PDRectangle media) {
        float width = Math.max(Math.abs(displacement.getX()), 0.5f);
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (float x : new float[] {0, width}) {
            for (float y : new float[] {DESCENT, ASCENT}) {
                Point2D.Float p = textRenderingMatrix.transformPoint(x, y);
                if (!Float.isFinite(p.x) || !Float.isFinite(p.y)) {
                    return true;
                }
                minX = Math.min(minX, p.x);
                minY = Math.min(minY, p.y);
                maxX = Math.max(maxX, p.x);
                maxY = Math.max(maxY, p.y);
            }
        }
        return maxX < media.getLowerLeftX() || minX > media.getUpperRightX() || maxY < media.getLowerLeftY()
                || minY > media.getUpperRightY();
    }
}
