package dev.brochure.pipeline;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.render.ImagePolicy;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderOptions;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.world.Workspace;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a PDF under a size budget: the profile's own setting when it fits, else image resolution
 * and JPEG quality lowered together, from the best setting down, keeping the best one that fits. Sizes fall as the settings fall, so
 * the ladder is searched by bisection: a handful of renders, each reusing cached encodings.
 */
final class SizeBudget {

    /** The chosen rendering and the image settings that produced it. */
    record Fit(byte[] pdf, ImagePolicy images) {
    }

    private static final double[] SCALES = {1.0, 1.0, 0.85, 0.85, 0.7, 0.7, 0.55, 0.55, 0.4, 0.3, 0.22};
    private static final float[] QUALITIES = {0.85f, 0.72f, 0.72f, 0.6f, 0.6f, 0.5f, 0.5f, 0.4f, 0.4f, 0.35f, 0.3f};

    private SizeBudget() {
    }

    /** The ladder of image settings from best to smallest, starting at {@code ppi}. */
    static List<ImagePolicy> ladder(int ppi) {
        List<ImagePolicy> steps = new ArrayList<>();
        for (int i = 0; i < SCALES.length; i++) {
            steps.add(new ImagePolicy((int) Math.round(ppi * SCALES[i]), QUALITIES[i], true));
        }
        return steps;
    }

    static Fit fit(TypesetDocument doc, RenderOptions options, Workspace workspace, long budget, int startPpi,
            String target) {
        // The profile's own setting is the best result: when it fits, nothing is lowered.
        byte[] asIs = render(doc, options, workspace);
        if (asIs.length <= budget) {
            return new Fit(asIs, options.images());
        }
        List<ImagePolicy> ladder = ladder(startPpi);
        byte[] best = null;
        ImagePolicy bestPolicy = null;
        byte[] smallest = asIs;
        ImagePolicy smallestPolicy = options.images();
        int low = 0;
        int high = ladder.size() - 1;
        while (low <= high) {
            int mid = (low + high) / 2;
            byte[] pdf = render(doc, options.withImages(ladder.get(mid)), workspace);
            if (smallest == null || pdf.length < smallest.length) {
                smallest = pdf;
                smallestPolicy = ladder.get(mid);
            }
            if (pdf.length <= budget) {
                best = pdf;
                bestPolicy = ladder.get(mid);
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        if (best == null) {
            // Nothing fitted, so the bisection ended on the last, smallest setting.
            throw BrochureException.of(SourceLocation.of(target), String.format(Locale.ROOT,
                            "cannot fit the PDF in %s: the smallest it reached is %s (images at %d ppi, JPEG quality %.2f)",
                            human(budget), human(smallest.length), smallestPolicy.maxPpi(),
                            smallestPolicy.jpegQuality()),
                    "raise --max-size, or use fewer or smaller images; text and fonts alone take part of the budget");
        }
        return new Fit(best, bestPolicy);
    }

    private static byte[] render(TypesetDocument doc, RenderOptions options, Workspace workspace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 21);
        PdfRenderer.render(doc, options, workspace, out);
        return out.toByteArray();
    }

    static String human(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.2f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }
}
