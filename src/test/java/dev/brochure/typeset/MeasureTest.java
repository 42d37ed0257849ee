package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.SetLines.SetLine;
import dev.brochure.world.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A style's {@code measure} keeps its lines to a readable length in a wider column: ragged lines
 * break within it, justified lines fill it, centred lines stay centred on the column, and a
 * column narrower than the measure sets its lines as before.
 */
class MeasureTest {

    /** 12 pt text with a measure of 20em: 240 pt. */
    private static final double MEASURE = 240;
    private static final String TEXT = "Mentorship that is shaped around each student, with weekly meetings, a reading"
            + " group, writing help and a clear plan for every year of the degree, so that nobody is left to find"
            + " their own way through the first papers and the long middle of a doctorate alone.";

    @TempDir
    Path temp;

    @Test
    void raggedLinesBreakWithinTheMeasure() {
        List<SetLine> wide = lines("plain", "left", 480);
        List<SetLine> measured = lines("measured", "left", 480);
        assertTrue(wide.stream().anyMatch(l -> l.right() - l.left() > MEASURE + 60), "without it lines use the column: " + wide);
        assertTrue(measured.size() > wide.size(), "more, shorter lines: " + measured);
        for (SetLine line : measured) {
            assertTrue(line.right() - measured.getFirst().left() <= MEASURE + 0.5, "within the measure: " + line);
            assertEquals(measured.getFirst().left(), line.left(), 0.01, "from the column's left edge");
        }
    }

    @Test
    void justifiedLinesFillTheMeasure() {
        List<SetLine> measured = lines("measured", "justify", 480);
        double left = measured.getFirst().left();
        for (SetLine line : measured.subList(0, measured.size() - 1)) {
            assertEquals(left + MEASURE, line.right(), 0.6, "a justified line reaches the measure: " + line);
        }
    }

    @Test
    void centredLinesStayCentredOnTheColumn() {
        List<SetLine> measured = lines("measured", "center", 480);
        double centre = lines("plain", "left", 480).getFirst().left() + 480 / 2.0;
        for (SetLine line : measured) {
            assertEquals(centre, (line.left() + line.right()) / 2, 0.6, "centred on the column: " + line);
            assertTrue(line.right() - line.left() <= MEASURE + 0.5, line.toString());
        }
    }

    @Test
    void aColumnNarrowerThanTheMeasureIsSetAsWithout() {
        assertEquals(lines("plain", "left", 200), lines("measured", "left", 200));
    }

    /** The lines of a 12 pt paragraph of style {@code style} aligned {@code align} in a cell {@code cell} points wide. */
    private List<SetLine> lines(String style, String align, double cell) {
        Path dir = temp.resolve(style + "-" + align + "-" + (int) cell);
        TestProject project = TestProject.copy("minimal", dir)
                .write("themes/t.yaml", """
                        extends: default
                        styles:
                          plain: {font: serif, size: 12pt, leading: 16pt, hyphenate: false}
                          measured: {parent: plain, measure: 20em}
                        """)
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t")
                .write("layouts/article.ftlx", "<section><row gap=\"0\"><cell width=\"" + cell + "pt\"><p style=\"" + style
                        + "\" align=\"" + align + "\">" + TEXT + "</p></cell><cell/></row></section>\n");
        Workspace files = project.workspace();
        Page page = Typesetter.typeset(new LayoutEngine(files).layout(ContentLoader.load(files).orThrow()).orThrow(),
                TypesetOptions.defaults(), files).orThrow().document().pages().get(1);
        List<SetLine> out = SetLines.of(page, 12);
        assertTrue(out.size() >= 2, "the paragraph's lines: " + out);
        return out;
    }
}
