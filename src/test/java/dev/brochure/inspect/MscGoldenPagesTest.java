package dev.brochure.inspect;

import dev.brochure.testing.BuiltBrochure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Visual regression of the second example brochure: every page of examples/msc-programme
 * against its golden PNG in {@code src/test/resources/golden/msc-programme/}, as
 * {@link GoldenPagesTest} does for the OPTML brochure (same renderer, 30 dpi, same tolerance).
 * After an intended change: {@code mvn -B verify -Dgolden.update=true}.
 */
class MscGoldenPagesTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "msc-programme");
    static final Path ACTUAL = Path.of("target", "golden", "msc-programme");

    @Test
    void everyPageOfTheMscBrochureMatchesItsGolden() {
        GoldenPages.assertMatch("the MSc brochure", GoldenPages.render(BuiltBrochure.MSC.pdf()), GOLDEN, ACTUAL);
    }
}
