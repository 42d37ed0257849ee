package dev.brochure.testing;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Map;

/**
 * The OPTML brochure of {@code brochure-content/}, built once per test run into
 * {@code target/test-optml/brochure.pdf} (tests share it; none may change it).
 */
public final class OptmlBrochure {

    public static final Path CONTENT = Path.of("brochure-content");
    private static final Path PDF = Path.of("target", "test-optml", "brochure.pdf");
    private static boolean built;

    private OptmlBrochure() {
    }

    /** The built PDF. The pipeline gets an empty environment, so SOURCE_DATE_EPOCH cannot change it. */
    public static synchronized Path pdf() {
        if (!built) {
            new Pipeline(Map.of()).build(request(PDF));
            built = true;
        }
        return PDF;
    }

    public static BrochureContent content() {
        return new Pipeline(Map.of()).content(request(PDF));
    }

    public static BuildRequest request(Path output) {
        return BuildRequest.of(CONTENT, output);
    }
}
