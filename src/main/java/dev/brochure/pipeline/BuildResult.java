package dev.brochure.pipeline;

import dev.brochure.diag.Diagnostic;
import dev.brochure.render.ImagePolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished build: the PDF written, its page count and size, the warnings raised, and the image
 * settings used (chosen by the size search when there was a budget), and the time each stage took.
 */
public record BuildResult(Path output, int pages, long bytes, List<Diagnostic> warnings, ImagePolicy images,
        StageTimes times) {

    public BuildResult {
        warnings = List.copyOf(warnings);
    }

    /** The highest resolution images keep, in ppi; 0 when every pixel is kept. */
    public int imageMaxPpi() {
        return images.maxPpi();
    }

    /** The JPEG quality photos are re-encoded at, or empty when they are not re-encoded. */
    public java.util.Optional<Float> jpegQuality() {
        return images.reencode() ? java.util.Optional.of(images.jpegQuality()) : java.util.Optional.empty();
    }

    /** The image settings in words: {@code , images at most 150 ppi, JPEG quality 0.80}, or empty. */
    public String imageSettings() {
        if (images.maxPpi() <= 0 && !images.reencode()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, ", images at most %d ppi%s", images.maxPpi(),
                images.reencode() ? String.format(java.util.Locale.ROOT, ", JPEG quality %.2f", images.jpegQuality()) : "");
    }
}
