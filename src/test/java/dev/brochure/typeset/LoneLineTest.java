package dev.brochure.typeset;

import static dev.brochure.typeset.Stage.at;
import static dev.brochure.typeset.Stage.items;
import static dev.brochure.typeset.Stage.p;
import static dev.brochure.typeset.Stage.section;
import static dev.brochure.typeset.Stage.spacer;
import static dev.brochure.typeset.Stage.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.layout.tree.Block;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * No line of a paragraph is ever left alone in a column while the paragraph goes on elsewhere
 * (issue 14: a long text ended with a paragraph split 4 / 1 / 1 over a page and the two
 * balanced columns of the next, one line in each column, and the report counted nothing).
 * Checked on the page itself, over many ways a two-column text can fall, and in the report.
 */
class LoneLineTest {

    private static final double GAP = 18;

    @Test
    void noColumnHoldsASingleLineOfAParagraphThatGoesOn() {
        int cases = 0;
        List<String> lone = new ArrayList<>();
        // One paragraph in two columns, starting lower and lower on the first page, so that its
        // last lines go on to the balanced columns of a second page in every possible number.
        for (int words = 60; words <= 90; words += 5) {
            for (double room = 2; room <= 10; room += 0.5) {
                double leading = Stage.style("body").leading();
                Block columns = new Block.Columns(2, GAP, List.of(p(words(words), 5)), at(4));
                Typesetter.Result result = Stage.typeset(section("probe", true,
                        spacer(Stage.BODY - room * leading), columns));
                cases++;
                for (Page page : result.document().pages()) {
                    for (List<String> column : columns(page)) {
                        if (column.size() == 1) {
                            lone.add(words + " words, room " + room + " lines, page " + page.number() + ": "
                                    + column.getFirst());
                        }
                    }
                }
                assertEquals(0, result.typography().totals().widows() + result.typography().totals().orphans(),
                        words + " words, room " + room + ": " + result.typography().totals());
            }
        }
        assertTrue(cases > 50);
        assertEquals(List.of(), lone, "columns holding one line of a paragraph that goes on");
    }

    /**
     * The body lines of a page per column (left of the middle, right of it), each line named by
     * its first word; a column is reported only if its lines are all of one paragraph that has
     * more lines elsewhere, which is what a lone line is in this text of distinct words.
     */
    private static List<List<String>> columns(Page page) {
        double middle = page.width() / 2;
        Map<Boolean, TreeMap<Double, String>> sides = Map.of(true, new TreeMap<>(), false, new TreeMap<>());
        for (PageItem.GlyphRun run : items(page, PageItem.GlyphRun.class)) {
            if (run.text().startsWith("word") && run.size() == Stage.style("body").size()) {
                sides.get(run.x() < middle).put(run.baseline(), run.text());
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (TreeMap<Double, String> side : sides.values()) {
            List<String> lines = new ArrayList<>(side.values());
            // A single line is lone unless it is a whole paragraph, which these long ones never are.
            if (lines.size() == 1) {
                out.add(lines);
            }
        }
        return out;
    }
}
