package dev.brochure.typeset.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TextParagraph;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.vocab.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typography report counts every line of a paragraph left alone in a column while the
 * paragraph goes on elsewhere, not only its first line at a foot (orphan) and its last at a head
 * (widow): the 4 / 1 / 1 split of issue 14, had the filler let it through, counts two widows.
 */
class LoneLineCountTest {

    private static final TextParagraph P = new TextParagraph(1, new SourceLocation("s.yaml", 4, 3), "body", "text",
            true, false, 10, 6);

    private static PageItem line(int index, boolean top, boolean foot) {
        return new PageItem.TextLine(50, 100 + 14 * index, 200, 200, P, index, 0.2, index == 5, false, top, foot);
    }

    private static Page page(int number, PageItem... items) {
        return new Page(number, 595, 842, 0, null, List.of(items), "s");
    }

    @Test
    void aLineAloneInAColumnCountsAsAWidow() {
        // Four lines at the foot of a page, then one line in each column of the next.
        TypographyReport split = TypographyReport.of(new TypesetDocument(null, List.of(
                page(1, line(0, true, false), line(1, false, false), line(2, false, false), line(3, false, true)),
                page(2, line(4, true, true), line(5, true, false))), List.of(), List.of()), "test");
        assertEquals(2, split.totals().widows(), "line 5 alone, and the last line alone: " + split.totals());
        assertEquals(0, split.totals().orphans());

        TypographyReport fine = TypographyReport.of(new TypesetDocument(null, List.of(
                page(1, line(0, true, false), line(1, false, false), line(2, false, true)),
                page(2, line(3, true, false), line(4, false, false), line(5, false, false))), List.of(), List.of()),
                "test");
        assertEquals(0, fine.totals().widows());
    }
}
