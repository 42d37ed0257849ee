package dev.brochure.pipeline;

import dev.brochure.vocab.Paper;
import java.nio.file.Path;

/**
 * What to build: the content folder, the project root its shared images/ and fonts/ live in,
 * where the PDF goes, an optional paper size overriding {@code brochure.yaml}'s, the output
 * profile, whether preflight warnings are errors ({@code strict}), and a size budget in bytes
 * ({@code maxSize}, 0 for none), and whether the PDF is made for archiving ({@code archive}:
 * PDF/A-2 as well as PDF/UA-1).
 */
public record BuildRequest(Path contentDir, Path projectRoot, Path output, Paper paper, OutputProfile profile,
        boolean strict, long maxSize, boolean archive) {

    public BuildRequest(Path contentDir, Path projectRoot, Path output, Paper paper, OutputProfile profile,
            boolean strict, long maxSize) {
        this(contentDir, projectRoot, output, paper, profile, strict, maxSize, false);
    }

    public static BuildRequest of(Path contentDir, Path output) {
        Path abs = contentDir.toAbsolutePath().normalize();
        return new BuildRequest(abs, abs.getParent() == null ? abs : abs.getParent(), output, null,
                OutputProfile.SCREEN, false, 0);
    }

    public BuildRequest withArchive(boolean pdfa) {
        return new BuildRequest(contentDir, projectRoot, output, paper, profile, strict, maxSize, pdfa);
    }

    public BuildRequest withPaper(Paper other) {
        return new BuildRequest(contentDir, projectRoot, output, other, profile, strict, maxSize, archive);
    }

    public BuildRequest withProjectRoot(Path root) {
        return new BuildRequest(contentDir, root, output, paper, profile, strict, maxSize, archive);
    }

    public BuildRequest withProfile(OutputProfile other, boolean strictPreflight) {
        return new BuildRequest(contentDir, projectRoot, output, paper, other, strictPreflight, maxSize, archive);
    }

    public BuildRequest withMaxSize(long bytes) {
        return new BuildRequest(contentDir, projectRoot, output, paper, profile, strict, bytes, archive);
    }
}
