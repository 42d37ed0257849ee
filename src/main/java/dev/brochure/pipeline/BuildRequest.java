package dev.brochure.pipeline;

import dev.brochure.content.model.Paper;
import java.nio.file.Path;

/**
 * What to build: the content folder, the project root its shared images/ and fonts/ live in,
 * where the PDF goes, and an optional paper size overriding {@code brochure.yaml}'s.
 */
public record BuildRequest(Path contentDir, Path projectRoot, Path output, Paper paper) {

    public static BuildRequest of(Path contentDir, Path output) {
        Path abs = contentDir.toAbsolutePath().normalize();
        return new BuildRequest(abs, abs.getParent() == null ? abs : abs.getParent(), output, null);
    }

    public BuildRequest withPaper(Paper other) {
        return new BuildRequest(contentDir, projectRoot, output, other);
    }

    public BuildRequest withProjectRoot(Path root) {
        return new BuildRequest(contentDir, root, output, paper);
    }
}
