package dev.brochure.inspect.preview;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages to RGB images with PDFBox, with every setting that affects pixels fixed here,
 * so that the same PDF gives the same pixels on every run: previews can be compared and the
 * golden-page tests can compare them exactly. Each page shows its crop box (the media box,
 * bleed included, for the brochures this tool makes).
 */
public final class PageRenderer {

    private static final RenderingHints HINTS = new RenderingHints(Map.of(
            RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON,
            RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY,
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC,
            RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE,
            RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY));

    private final PDFRenderer renderer;

    public PageRenderer(PDDocument document) {
        this(document, false);
    }

    /**
     * With {@code subsampling}, an image much larger than its place on the page is read at every
     * n-th pixel before it is scaled: several times faster for photos, the same on every run, but
     * lossy (a finer pattern can alias), so only for a quick look ({@code watch}'s page).
     */
    public PageRenderer(PDDocument document, boolean subsampling) {
        this.renderer = new PDFRenderer(document);
        // Subsampling makes images depend on the image size/dpi ratio in a lossy way.
        renderer.setSubsamplingAllowed(subsampling);
        renderer.setRenderingHints(HINTS);
    }

    /** Page {@code number} (from 1) at {@code dpi}. */
    public BufferedImage render(int number, float dpi) throws IOException {
        return renderer.renderImageWithDPI(number - 1, dpi, ImageType.RGB);
    }
}
