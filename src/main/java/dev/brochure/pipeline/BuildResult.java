package dev.brochure.pipeline;

import dev.brochure.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/** A finished build: the PDF written, its page count and size, and the warnings raised. */
public record BuildResult(Path output, int pages, long bytes, List<Diagnostic> warnings) {

    public BuildResult {
        warnings = List.copyOf(warnings);
    }
}
