package dev.brochure.typeset.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TextParagraph;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typography report counts every line of a paragraph left alone in a column while the
 * paragraph goes on elsewhere, not only its first line at a foot (orphan) and its last at a head
 * (widow): the 4 / 1 / 1 split of issue 14, had the filler let it through, counts two widows.
 * (Written for the layouts branch's statistics; here on the report of placed lines.)
 */
class LoneLineCountTest {

    private static final TextParagraph P = new TextParagraph(1, SourceLocation.of("s.yaml"), "body", "text", true,
            false, 10, 6);

    /** A column holding lines {@code from} to {@code to} of P; {@code goesOn}: the paragraph continues after it. */
    private static List<PageItem> column(int from, int to, boolean goesOn) {
        List<PageItem> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            PageItem.TextLine line = new PageItem.TextLine(50, 100 + 14 * i, 200, 200, P, i, 0, i == 5, false,
                    false, false);
            out.add(line.inColumn(i == from, i == to && goesOn));
        }
        return out;
    }

    private static TypographyReport report(List<List<PageItem>> columns) {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pages.add(new Page(i + 1, 595, 842, 0, null, columns.get(i), "s"));
        }
        return TypographyReport.of(new TypesetDocument(null, pages, List.of(), List.of()), "test");
    }

    @Test
    void aLineAloneInAColumnCountsAsAWidow() {
        // Four lines at the foot of a page, then one line in each column of the next.
        TypographyReport split = report(List.of(column(0, 3, true), column(4, 4, true), column(5, 5, false)));
        assertEquals(2, split.totals().widows(), "line 5 alone, and the last line alone: " + split.totals());
        assertEquals(0, split.totals().orphans());

        TypographyReport fine = report(List.of(column(0, 2, true), column(3, 5, false)));
        assertEquals(0, fine.totals().widows());
    }
}
