package dev.brochure.typeset.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.diag.Diagnostics;
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

    private static VItem.VBox line(int paragraph, int index, int count) {
        return new VItem.VBox(14, List.of(), List.of(), 10, SourceLocation.of("s.yaml"),
                new VItem.TextLine(paragraph, index, count, false));
    }

    @Test
    void aLineAloneInAColumnCountsAsAWidow() {
        TypesetStats stats = new TypesetStats(new Diagnostics());
        int p = stats.paragraph(SourceLocation.of("s.yaml"), "body", "text", true, false, 10);
        // Four lines at the foot of a page, then one line in each column of the next.
        stats.column("s", List.of(line(p, 0, 6), line(p, 1, 6), line(p, 2, 6), line(p, 3, 6)), true);
        stats.column("s", List.of(line(p, 4, 6)), true);
        stats.column("s", List.of(line(p, 5, 6)), false);
        TypographyReport report = stats.report("test");
        assertEquals(2, report.totals().widows(), "line 5 alone, and the last line alone: " + report.totals());
        assertEquals(0, report.totals().orphans());

        TypesetStats fine = new TypesetStats(new Diagnostics());
        int q = fine.paragraph(SourceLocation.of("s.yaml"), "body", "text", true, false, 10);
        fine.column("s", List.of(line(q, 0, 6), line(q, 1, 6), line(q, 2, 6)), true);
        fine.column("s", List.of(line(q, 3, 6), line(q, 4, 6), line(q, 5, 6)), false);
        assertEquals(0, fine.report("test").totals().widows());
    }
}
