package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.Paper;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How blocks flow over columns and pages: a spacer fills the page to a chosen height, and the
 * test looks at where the next paragraph's lines, a heading or an image ended up. Body text is
 * 10.5pt on 14.5pt lines (the default theme); an A4 page's body is 841.89 - 20mm - 22mm tall.
 */
class FlowRulesTest {

    private static final double BODY = Paper.A4.height() - (20 + 22) * 72 / 25.4;
    private static final double LINE = 14.5;
    /** About nine lines at the full measure, so a paragraph that can be split in several ways. */
    private static final String TEXT = "Whether you are inspired by machine learning theory, optimization algorithms, "
            + "motivated by the challenges of trustworthy systems, or eager to explore frontier-scale models, the group "
            + "is the place to grow and belong. We train the next generation of researchers to ask bold questions, craft "
            + "elegant solutions, and transform the future of the field. Our mission is to advance the technological "
            + "frontiers of learning while driving real-world impact in areas such as large language models, diffusion "
            + "models, multimodal systems, and intelligent agents, by blending rigorous mathematics with hands-on "
            + "experimentation in a supportive and collaborative community of people who care about each other.";

    @TempDir
    Path temp;

    /** Typesets one section whose layout is {@code body} (inside {@code <section>}); its title field is "Probe". */
    private TypesetDocument typeset(String body) {
        return project(body).document();
    }

    private Typesetter.Result project(String body) {
        TestProject project = TestProject.copy("minimal", temp)
                .write("brochure.yaml", "title: Flow\nlanguage: en-US\npaper: A4\nsections:\n  - sections/probe.yaml\n")
                .write("sections/probe.yaml", "layout: probe\ntitle: Probe Heading\n")
                .write("layouts/probe.schema.yaml", "fields:\n  title: {type: text, required: true}\n")
                .write("layouts/probe.ftlx", "<section>" + body + "</section>\n");
        return new Pipeline(Map.of()).typeset(project.request(temp.resolve("x.pdf")));
    }

    private static String spacer(double height) {
        return String.format(Locale.ROOT, "<spacer height=\"%.2fpt\"/>", height);
    }

    /** The baselines of body-text lines (Vollkorn 10.5pt) on a page. */
    private static TreeSet<Double> bodyLines(Page page) {
        TreeSet<Double> baselines = new TreeSet<>();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.GlyphRun run && run.size() == 10.5
                    && run.font().getFileName().toString().equals("Vollkorn-Regular.ttf")) {
                baselines.add(Math.round(run.baseline() * 100) / 100.0);
            }
        }
        return baselines;
    }

    private static boolean shows(Page page, String text) {
        return page.items().stream().anyMatch(i -> i instanceof PageItem.GlyphRun r && r.text().contains(text));
    }

    /** Whether the page shows the level-2 heading (16pt; the running footer repeats its text in 8pt). */
    private static boolean showsHeading(Page page) {
        return page.items().stream().anyMatch(i -> i instanceof PageItem.GlyphRun r && r.size() == 16
                && r.text().contains("Probe"));
    }

    private static int lines(TypesetDocument doc) {
        return doc.pages().stream().mapToInt(p -> bodyLines(p).size()).sum();
    }

    @Test
    void aParagraphLeavesNoSingleLineAtTheFootOfAPage() {
        TypesetDocument doc = typeset(spacer(BODY - 1.5 * LINE) + "<p>" + TEXT + "</p>");
        assertTrue(lines(doc) >= 6, "a long paragraph: " + lines(doc));
        assertEquals(2, doc.pages().size());
        assertEquals(0, bodyLines(doc.pages().get(0)).size(), "its first line does not stay behind alone");

        // With room for two lines and a half, two lines stay: the rule moves no more than it must.
        doc = typeset(spacer(BODY - 2.5 * LINE) + "<p>" + TEXT + "</p>");
        assertEquals(2, bodyLines(doc.pages().get(0)).size());
    }

    @Test
    void aParagraphLeavesNoSingleLineAtTheHeadOfAPage() {
        int total = lines(typeset("<p>" + TEXT + "</p>"));
        // Room for all lines but the last: the last two go over together.
        TypesetDocument doc = typeset(spacer(BODY - (total - 0.5) * LINE) + "<p>" + TEXT + "</p>");
        assertEquals(2, doc.pages().size());
        assertEquals(total - 2, bodyLines(doc.pages().get(0)).size());
        assertEquals(2, bodyLines(doc.pages().get(1)).size());
    }

    @Test
    void aHeadingStaysWithTheFirstLinesOfWhatFollows() {
        // Room for the heading (20pt lines) and one body line, not two: the heading moves on too.
        TypesetDocument doc = typeset(spacer(BODY - 20 - 6 - 1.5 * LINE) + "<h level=\"2\">${section.title}</h><p>"
                + TEXT + "</p>");
        assertTrue(showsHeading(doc.pages().get(1)), "the heading is on the second page");
        assertTrue(!showsHeading(doc.pages().get(0)), "and not left at the foot of the first");
        assertEquals(0, bodyLines(doc.pages().get(0)).size());
    }

    @Test
    void aHeadingIsNeverLeftAtAColumnFootAboveAnImageThatMovesOn() {
        TypesetDocument doc = typeset(spacer(BODY - 100) + "<h level=\"2\">${section.title}</h>"
                + "<image src=\"images/landscape.jpg\" decorative=\"true\" height=\"120pt\"/>");
        assertEquals(2, doc.pages().size());
        Page second = doc.pages().get(1);
        assertTrue(showsHeading(second) && second.items().stream().anyMatch(PageItem.PlacedImage.class::isInstance),
                "heading and image move on together");
    }

    @Test
    void aCaptionStaysWithItsImage() {
        // Room for the 150pt picture but not its caption below it: both move to the next page.
        TypesetDocument doc = typeset(spacer(BODY - 160) + "<image src=\"images/landscape.jpg\" decorative=\"true\" height=\"150pt\">"
                + "<caption>A caption under the picture</caption></image>");
        Page first = doc.pages().get(0);
        Page second = doc.pages().get(1);
        assertTrue(first.items().stream().noneMatch(PageItem.PlacedImage.class::isInstance));
        assertTrue(second.items().stream().anyMatch(PageItem.PlacedImage.class::isInstance));
        assertTrue(shows(second, "caption"));
    }

    @Test
    void theLastColumnsOfASectionAreBalanced() {
        TypesetDocument doc = typeset("<columns count=\"2\"><p>" + TEXT + "</p><p>" + TEXT + "</p></columns>");
        Page page = doc.pages().getFirst();
        double middle = page.width() / 2;
        TreeSet<Double> left = new TreeSet<>();
        TreeSet<Double> right = new TreeSet<>();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.GlyphRun run && run.size() == 10.5) {
                (run.x() < middle ? left : right).add(Math.round(run.baseline() * 100) / 100.0);
            }
        }
        assertTrue(left.size() + right.size() > 20, "two paragraphs in narrow columns");
        assertTrue(Math.abs(left.size() - right.size()) <= 1, left.size() + " and " + right.size() + " lines");
        assertEquals(left.first(), right.first(), 0.01, "both columns start at the top");
    }

    @Test
    void contentThatMustStayTogetherAndFitsNowhereIsAnErrorNamingSectionAndPlace() {
        BrochureException e = assertThrows(BrochureException.class, () -> typeset("<h level=\"2\">${section.title}</h>"
                + "<image src=\"images/landscape.jpg\" decorative=\"true\" height=\"" + (int) (BODY - 10) + "pt\"/>"));
        Diagnostic d = e.diagnostics().getFirst();
        assertTrue(d.message().contains("section 'probe'") && d.message().contains("must stay together"), d.message());
        assertTrue(d.where().file().endsWith("sections/probe.yaml") && d.where().line() == 2, d.format());
    }

    @Test
    void aBlockTallerThanAnyPageIsAnErrorNamingSectionAndPlace() {
        BrochureException e = assertThrows(BrochureException.class,
                () -> typeset("<image src=\"images/landscape.jpg\" decorative=\"true\" height=\"" + (int) (BODY + 50) + "pt\"/>"));
        Diagnostic d = e.diagnostics().getFirst();
        assertTrue(d.message().contains("section 'probe'") && d.message().contains("tall"), d.message());
    }

    @Test
    void theReportSeesNoWidowsOrOrphansWhereTheRulesMovedLines() {
        List<String> layouts = List.of(spacer(BODY - 1.5 * LINE), spacer(BODY - 3.5 * LINE), spacer(BODY - 6.5 * LINE));
        for (String s : layouts) {
            var report = project(s + "<p>" + TEXT + "</p><h level=\"2\">${section.title}</h><p>" + TEXT + "</p>").typography();
            assertEquals(0, report.totals().widows() + report.totals().orphans() + report.totals().headingsAtFoot(),
                    report.totals().toString());
        }
    }
}
