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
}
