package dev.brochure.testing;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A content folder's brochure, built the first time a test asks for it into one file under
 * {@code target/} and then shared by every test of the JVM (none may change it).
 */
public final class BuiltBrochure {

    /** The OPTML brochure of {@code brochure-content/}, in {@code target/test-optml/brochure.pdf}. */
    public static final BuiltBrochure OPTML = new BuiltBrochure(Path.of("brochure-content"),
            Path.of("target", "test-optml", "brochure.pdf"), UnaryOperator.identity());

    /**
     * The second example brochure, {@code examples/msc-programme/}, in {@code target/test-msc/brochure.pdf}.
     * Its project root is the repository, whose {@code fonts/} the built-in theme names.
     */
    public static final BuiltBrochure MSC = new BuiltBrochure(Path.of("examples", "msc-programme"),
            Path.of("target", "test-msc", "brochure.pdf"), request -> request.withProjectRoot(TestProject.REPO));

    private final Path content;
    private final Path pdf;
    private final UnaryOperator<BuildRequest> setup;
    private boolean built;

    /**
     * @param content the content folder
     * @param pdf where the brochure is built
     * @param setup what a request for it sets beyond the content folder and output (such as the project root)
     */
    private BuiltBrochure(Path content, Path pdf, UnaryOperator<BuildRequest> setup) {
        this.content = content;
        this.pdf = pdf;
        this.setup = setup;
    }

    /** The built PDF. The pipeline gets an empty environment, so SOURCE_DATE_EPOCH cannot change it. */
    public synchronized Path pdf() {
        if (!built) {
            new Pipeline(Map.of()).build(request(pdf));
            built = true;
        }
        return pdf;
    }

    /** The content folder. */
    public Path folder() {
        return content;
    }

    /** The content folder, read. */
    public BrochureContent content() {
        return new Pipeline(Map.of()).content(request(pdf));
    }

    /** A request to build the content folder into {@code output}. */
    public BuildRequest request(Path output) {
        return setup.apply(BuildRequest.of(content, output));
    }
}
