package dev.brochure.testing;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Map;

/**
 * The second example brochure, {@code examples/msc-programme/}, built once per test run into
 * {@code target/test-msc/brochure.pdf} (tests share it; none may change it). Its project root is
 * the repository, whose {@code fonts/} the built-in theme names.
 */
public final class MscBrochure {

    public static final Path CONTENT = Path.of("examples", "msc-programme");
    private static final Path PDF = Path.of("target", "test-msc", "brochure.pdf");
    private static boolean built;

    private MscBrochure() {
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
        return BuildRequest.of(CONTENT, output).withProjectRoot(TestProject.REPO);
    }
}
