package dev.brochure.typeset;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.LineText;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.SetLines.SetLine;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.quality.TypographyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headings and display text of a few lines are balanced (CSS {@code text-wrap: balance}): set
 * at the narrowest measure that keeps their number of lines, aligned within the full measure.
 * Large ragged leads are not hyphenated.
 */
class BalancedTextTest {

    private static final String TITLE = "Personalized Mentorship for Your Unique Strengths";
    /** The measure of most test cells, in points. */
    private static final double CELL = 80 * 72 / 25.4;

    @TempDir
    Path temp;

    @Test
    void aHeadingOfTwoLinesIsSetInLinesOfSimilarLength() {
        // A measure a little wider than all the title but its last word.
        double cell = lines("<p style=\"h2\">Personalized Mentorship for Your Unique</p>", 16, 400).getFirst().width() + 3;
        List<SetLine> ragged = lines("<p style=\"h2\">" + TITLE + "</p>", 16, cell);
        assertEquals(2, ragged.size(), "as a paragraph of the heading's style the title takes two lines: " + ragged);
        assertEquals("Strengths", ragged.get(1).text().strip(), "and leaves a word alone: " + ragged);

        List<SetLine> heading = lines("<h level=\"2\">" + TITLE + "</h>", 16, cell);
        assertEquals(2, heading.size(), "balancing keeps the number of lines: " + heading);
        double shorter = Math.min(heading.get(0).width(), heading.get(1).width());
        double longer = Math.max(heading.get(0).width(), heading.get(1).width());
        assertTrue(shorter > 0.75 * longer, "lines of similar length: " + heading);
        assertEquals(ragged.get(0).left(), heading.get(0).left(), 0.01, "still set from the measure's left edge");
        assertTrue(longer < ragged.get(0).width() - 20, "narrower than the unbalanced first line: " + heading);
    }

    @Test
    void aHeadingOnOneLineIsSetAsBefore() {
        List<SetLine> plain = lines("<p style=\"h2\">Unique Strengths</p>", 16, CELL);
        List<SetLine> heading = lines("<h level=\"2\">Unique Strengths</h>", 16, CELL);
        assertEquals(1, heading.size());
        assertEquals(plain, heading);
    }

    @Test
    void centredBalancedTextIsCentredOnTheFullMeasure() {
        // The slogan style of the default theme is centred and balanced.
        String text = "Mentorship for Your Unique Strengths";
        double cell = lines("<p style=\"slogan\">Mentorship for Your Unique</p>", 24, 480).getFirst().width() + 3;
        // Unbalanced, "Strengths" would be alone on the second line.
        List<SetLine> slogan = lines("<p style=\"slogan\">" + text + "</p>", 24, cell);
        assertEquals(2, slogan.size(), slogan.toString());
        double centre = lines("<p style=\"h2\">Left</p>", 16, cell).getFirst().left() + cell / 2;
        for (SetLine line : slogan) {
            assertEquals(centre, (line.left() + line.right()) / 2, 0.05, "centred on the cell: " + line);
        }
        double shortest = slogan.stream().mapToDouble(SetLine::width).min().orElseThrow();
        double longest = slogan.stream().mapToDouble(SetLine::width).max().orElseThrow();
        assertTrue(shortest > 0.6 * longest, "balanced: " + slogan);
    }

    @Test
    void justifiedTextIsNeverBalanced() {
        // The pull-quote style of the default theme (on the quote step, 11.5 pt) is balanced; justified,
        // its lines fill the measure.
        List<SetLine> justified = lines("<p style=\"pull-quote\" align=\"justify\">" + TITLE + " " + TITLE + " " + TITLE
                + "</p>", 11.5, CELL);
        assertTrue(justified.size() >= 3, justified.toString());
        double right = justified.getFirst().left() + CELL;
        for (SetLine line : justified.subList(0, justified.size() - 1)) {
            assertEquals(right, line.right(), 0.05, "a justified line reaches the measure: " + line);
        }
    }

    /**
     * No lead line ends in a hyphen its text does not have: a lead may break after the hyphen of a
     * compound (data-model-|algorithm), as any text may, but no word of it is hyphenated.
     */
    @Test
    void theLeadsOfTheOptmlBrochureAreNotHyphenated() throws java.io.IOException {
        Typesetter.Result typeset = new Pipeline(Map.of()).typeset(BuiltBrochure.OPTML.request(temp.resolve("x.pdf")));
        TypographyReport report = typeset.typography();
        List<TypographyReport.Paragraph> leads = report.paragraphs().stream()
                .filter(p -> p.style().equals("lead") || p.style().equals("closing-lead")).toList();
        assertTrue(leads.size() >= 8 && leads.stream().mapToInt(TypographyReport.Paragraph::lines).sum() > 40,
                "the brochure has its leads: " + leads.size());
        StringBuilder sources = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("brochure-content/sections"))) {
            for (Path f : files.sorted().toList()) {
                sources.append(java.nio.file.Files.readString(f)).append('\n');
            }
        }
        int ending = 0;
        for (Page page : typeset.document().pages()) {
            List<String> lines = leadLines(page);
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i);
                if (line.endsWith("-")) {
                    ending++;
                    String joint = line.substring(line.lastIndexOf(' ') + 1) + lines.get(i + 1).split(" ")[0];
                    assertTrue(sources.indexOf(joint) >= 0, "a lead line ends in a hyphen its text does not have: "
                            + line + " / " + lines.get(i + 1));
                }
            }
        }
        assertEquals(leads.stream().mapToInt(TypographyReport.Paragraph::hyphenated).sum(), ending,
                "every line the report counts as ending in a hyphen was checked");
        assertTrue(report.totals().hyphenated() > 20, "while the body text is still hyphenated");
    }

    /** The text of the page's lead lines, top to bottom. */
    private static List<String> leadLines(Page page) {
        List<String> out = new ArrayList<>();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.TextLine line && (line.paragraph().style().equals("lead")
                    || line.paragraph().style().equals("closing-lead"))) {
                out.add(LineText.of(page, line));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** The lines of text of size {@code size} on the page of a section holding {@code block} in a cell {@code cell} points wide. */
    private List<SetLine> lines(String block, double size, double cell) {
        Path dir = temp.resolve("p" + Math.abs((block + size + cell).hashCode()));
        TestProject project = TestProject.copy("minimal", dir)
                .write("layouts/article.ftlx", "<section><row gap=\"0\"><cell width=\"" + cell + "pt\">" + block
                        + "</cell><cell/></row></section>\n");
        Workspace files = project.workspace();
        Page page = Typesetter.typeset(new LayoutEngine(files).layout(ContentLoader.load(files).orThrow()).orThrow(),
                TypesetOptions.defaults(), files).orThrow().document().pages().get(1);
        return SetLines.of(page, size);
    }
}
