package dev.brochure.layout;

import dev.brochure.world.Workspace;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.brochure.content.ContentLoader;
import dev.brochure.world.ImageCatalog;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.testing.TestProject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the layout parser: arbitrary bytes as a template's output, read by
 * {@link Markup} and {@link BlockReader} exactly as {@link LayoutEngine} reads real output
 * (theme, images and sections of the fixture project). Problems reported to the diagnostics are
 * the user's errors; any exception, error or hang is a crash.
 *
 * <p>{@code mvn verify} fuzzes this for a bounded time ({@code pom.xml}, execution
 * {@code fuzz-layout}); crashing inputs are kept in
 * {@code src/test/resources/dev/brochure/layout/LayoutMarkupFuzzTestInputs/readsAnyMarkup/} and
 * replayed by every ordinary test run, together with the seeds there.
 */
class LayoutMarkupFuzzTest {

    private static BrochureContent content;
    private static Workspace files;

    @BeforeAll
    static void loadFixture() {
        files = Workspace.create(TestProject.FIXTURES.resolve("minimal"), TestProject.REPO, java.util.Map.of(), null);
        content = ContentLoader.load(files).orThrow();
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"<section", "</section>", "<h level=\"", "<p", "</p>", "<list", "<item>", "<image src=\"",
        "images/landscape.jpg", "<caption>", "<quote", "<attribution>", "<spacer height=\"", "<rule", "<panel",
        "<row", "<cell width=\"", "<columns count=\"", "<page-break/>", "<column-break/>", "<page", "<frame x=\"",
        "<b>", "<i>", "<a href=\"", "<span color=\"", "<br/>", "<?src ", "?>", "style=\"", "master=\"", "fit=\"cover\"",
        "aspect=\"", "padding=\"", "weight=\"", "valign=\"", "align=\"", "%\"", "mm\"", "pt\"", "#ff0000", "&amp;",
        "<![CDATA[", "<!DOCTYPE", "<!ENTITY"})
    void readsAnyMarkup(byte[] input) {
        String xml = new String(input, StandardCharsets.UTF_8);
        Section section = content.sections().get(input.length % 2);
        Diagnostics diagnostics = new Diagnostics();
        LayoutEngine.read(xml, new SourceTable(null), section, content, SourceLocation.of("fuzz.ftlx"), diagnostics,
                new ImageCatalog(files, diagnostics));
    }
}
