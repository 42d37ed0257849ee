package dev.brochure.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A path is shown from the root the build context chose, never from the process's working folder. */
class SourceLocationTest {

    private static final Path ROOT = Path.of("/projects/one");

    @Test
    void pathsInsideTheRootAreRelativeAndOthersAbsolute() {
        assertEquals("brochure-content/brochure.yaml",
                SourceLocation.display(Path.of("/projects/one/brochure-content/brochure.yaml"), ROOT));
        assertEquals(".", SourceLocation.display(ROOT, ROOT));
        assertEquals("/projects/two/brochure.yaml", SourceLocation.display(Path.of("/projects/two/brochure.yaml"), ROOT));
        assertEquals("/projects/two/x.yaml", SourceLocation.display(Path.of("/projects/one/../two/x.yaml"), ROOT));
        assertEquals("sections/a.yaml", SourceLocation.display(Path.of("sections/./a.yaml"), ROOT));
    }

    @Test
    void withoutARootAPathIsShownAsWritten() {
        assertEquals("out/brochure.pdf", SourceLocation.display(Path.of("out/./brochure.pdf"), null));
        assertEquals("/tmp/x.pdf", SourceLocation.of(Path.of("/tmp/x.pdf")).file());
        assertEquals("brochure-content/brochure.yaml:3:7",
                new SourceLocation(SourceLocation.display(Path.of("/projects/one/brochure-content/brochure.yaml"), ROOT),
                        3, 7).toString());
    }
}
