package dev.brochure.inspect;

import static org.junit.jupiter.api.Assertions.fail;

import dev.brochure.testing.MscBrochure;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<BufferedImage> pages = GoldenPages.render(MscBrochure.pdf());
        GoldenPages.clear(ACTUAL);
        if (GoldenPages.updating()) {
            GoldenPages.clear(GOLDEN);
            for (int i = 0; i < pages.size(); i++) {
                GoldenPages.write(pages.get(i), GOLDEN.resolve(GoldenPages.name(i + 1)));
            }
            return;
        }
        List<Path> goldens = GoldenPages.goldens(GOLDEN);
        if (goldens.isEmpty()) {
            fail("no golden pages in " + GOLDEN + "; make them with: " + GoldenPagesTest.REFRESH);
        }
        List<String> problems = new ArrayList<>();
        if (goldens.size() != pages.size()) {
            problems.add(String.format(Locale.ROOT, "the brochure has %d pages, the goldens %d", pages.size(), goldens.size()));
        }
        for (int i = 0; i < pages.size(); i++) {
            Path golden = GOLDEN.resolve(GoldenPages.name(i + 1));
            Path actual = ACTUAL.resolve(GoldenPages.name(i + 1).replace(".png", ".actual.png"));
            if (!Files.exists(golden)) {
                GoldenPages.write(pages.get(i), actual);
                problems.add("page " + (i + 1) + " has no golden\n    actual  " + actual);
                continue;
            }
            GoldenPages.Comparison c = GoldenPages.compare(GoldenPages.read(golden), pages.get(i));
            if (!c.matches()) {
                GoldenPages.write(pages.get(i), actual);
                StringBuilder p = new StringBuilder("page " + (i + 1) + ": ");
                p.append(c.sizeDiffers() ? "the page size differs" : c.differing() + " pixels differ");
                p.append("\n    golden  ").append(golden).append("\n    actual  ").append(actual);
                if (c.diff() != null) {
                    Path diff = ACTUAL.resolve(GoldenPages.name(i + 1).replace(".png", ".diff.png"));
                    GoldenPages.write(c.diff(), diff);
                    p.append("\n    diff    ").append(diff);
                }
                problems.add(p.toString());
            }
        }
        if (!problems.isEmpty()) {
            fail("the MSc brochure's pages differ from their goldens:\n  " + String.join("\n  ", problems)
                    + "\nIf the change is intended, refresh the goldens with: " + GoldenPagesTest.REFRESH);
        }
    }
}
