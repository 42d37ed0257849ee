package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where lines may end: hyphenation only in running text of hyphenating styles, never after "Dr.". */
class LineEndRulesTest {

    private static final String WORDS = "Extraordinary responsibilities characterize interdisciplinary collaborations "
            + "among internationally recognized investigators; ";

    @TempDir
    Path temp;

    /** The text of every line of the first page, for a section laid out by {@code body} in a 45mm frame. */
    private List<String> lines(String yamlText, String body) {
        return lines(yamlText, body, "45mm");
    }

    private List<String> lines(String yamlText, String body, String width) {
        TestProject project = TestProject.copy("minimal", temp)
                .write("brochure.yaml", "title: Lines\nlanguage: en-US\nsections:\n  - sections/probe.yaml\n")
                .write("sections/probe.yaml", "layout: probe\ntext: \"" + yamlText + "\"\n")
                .write("layouts/probe.schema.yaml", "fields:\n  text: {type: text, required: true}\n")
                .write("layouts/probe.ftlx", "<section><row><cell width=\"" + width + "\">" + body + "</cell><cell/></row></section>\n");
        Page page = new Pipeline(Map.of()).typeset(project.request(temp.resolve("x.pdf"))).document().pages().getFirst();
        TreeMap<Double, List<PageItem.GlyphRun>> byBaseline = new TreeMap<>();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.GlyphRun run && run.size() > 8) {
                byBaseline.computeIfAbsent(Math.rint(run.baseline() * 10) / 10, b -> new ArrayList<>()).add(run);
            }
        }
        List<String> out = new ArrayList<>();
        byBaseline.values().forEach(runs -> {
            runs.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
            out.add(String.join("", runs.stream().map(PageItem.GlyphRun::text).toList()).strip());
        });
        return out;
    }

    private static long hyphenated(List<String> lines) {
        return lines.stream().filter(l -> l.endsWith("-")).count();
    }

    @Test
    void runningTextIsHyphenatedButHeadingsAndOtherStylesAreNot() {
        String text = WORDS.repeat(3);
        assertTrue(hyphenated(lines(text, "<p>${section.text}</p>")) >= 2, "body text in a narrow box is hyphenated");
        assertEquals(0, hyphenated(lines(text, "<h level=\"3\">${section.text}</h>")), "headings never are");
        assertEquals(0, hyphenated(lines(text, "<p style=\"quote\">${section.text}</p>")),
                "nor styles without hyphenate: true");
    }

    @Test
    void aTitleStaysWithTheNameAndANumberWithItsUnit() {
        List<String> lines = lines("Ask Dr. Liu, Prof. Smith or Dr. Jones about 300 TB and 56 GB. ".repeat(6),
                "<p>${section.text}</p>");
        assertTrue(lines.size() > 8, "the text wraps: " + lines);
        for (String line : lines) {
            assertTrue(!line.endsWith("Dr.") && !line.endsWith("Prof.") && !line.matches(".*\\d$"), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Dr.") || l.startsWith("Prof.")),
                "the title moved to the next line with its name: " + lines);
    }

    @Test
    void aShortListItemIsNotHyphenatedUnlessItMustBe() {
        // The same words as a (ragged) paragraph are hyphenated at this measure; as list items they are
        // not, as long as an item still takes fewer than three lines without hyphens.
        String item = "Experience with scientific programming";
        String paragraph = "<p style=\"list\">${section.text}</p>";
        String list = "<list style=\"list\"><item><p style=\"list\">${section.text}</p></item>"
                + "<item><p style=\"list\">${section.text}</p></item></list>";
        // The list's text measure: the box less the list's indent (1.4 em of the 10.5 pt body).
        List<String> asParagraph = lines(item, paragraph, (45 * 72 / 25.4 - 1.4 * 10.5) + "pt");
        assertTrue(hyphenated(asParagraph) >= 1, "as running text it is hyphenated: " + asParagraph);
        List<String> asList = lines(item, list);
        assertEquals(0, hyphenated(asList), "as a short list item it is not: " + asList);
        // A long item, which would take three lines or more anyway, is hyphenated as running text is.
        List<String> longItem = lines((item + " ").repeat(3).strip(), list);
        assertTrue(hyphenated(longItem) >= 1, "a long item is hyphenated: " + longItem);
    }
}
