package dev.brochure.typeset.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.vocab.SourceLocation;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TextParagraph;
import dev.brochure.typeset.page.TypesetDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report as a function of a typeset document, built here line by line. */
class TypographyReportTest {

    private static final TextParagraph JUSTIFIED = new TextParagraph(7, new SourceLocation("a.yaml", 3, 5), "body",
            "Justified text", true, false, 10, 4);
    private static final TextParagraph RAGGED = new TextParagraph(2, new SourceLocation("a.yaml", 9, 5), "lead",
            "Ragged text", false, false, 12, 2);
    private static final TextParagraph HEADING = new TextParagraph(3, new SourceLocation("a.yaml", 8, 8), "h2",
            "A heading", false, true, 16, 1);

    /** Line {@code index} of {@code p}: {@code width} of a 200pt measure, ratio {@code r}. */
    private static PageItem.TextLine line(TextParagraph p, int index, double width, double r, boolean hyphen) {
        return new PageItem.TextLine(50, 100 + 15 * index, width, 200, p, index, r, index == p.lines() - 1, hyphen,
                false, false);
    }

    private static Page page(int number, PageItem... items) {
        return new Page(number, 595, 842, 0, null, List.of(items), "s");
    }

    @Test
    void eachParagraphIsOneRecordOfItsPlacedLinesWhereverTheyStand() {
        TypesetDocument doc = new TypesetDocument(null, List.of(
                page(1, line(JUSTIFIED, 0, 200, 0.5, true), line(JUSTIFIED, 1, 200, -0.25, true),
                        line(HEADING, 0, 90, 0, false).inColumn(false, true)),
                page(2, line(JUSTIFIED, 3, 120, 0, true), line(RAGGED, 0, 160, 0, false).inColumn(false, true),
                        line(JUSTIFIED, 2, 200.75, 1.5, false).inColumn(true, false)),
                page(3, line(RAGGED, 1, 90, 0, false).inColumn(true, false))), List.of(), List.of());
        TypographyReport report = TypographyReport.of(doc, "test");

        assertEquals("test", report.breaker());
        assertEquals(List.of("Justified text", "A heading", "Ragged text"),
                report.paragraphs().stream().map(TypographyReport.Paragraph::preview).toList(),
                "one record per paragraph, in the order of their first lines");

        TypographyReport.Paragraph justified = report.paragraphs().get(0);
        assertEquals(JUSTIFIED.where(), justified.where());
        assertEquals(4, justified.lines());
        assertEquals(3, justified.justifiedLines(), "the last line is not justified");
        assertEquals((0.5 + 0.25 + 1.5) / 3, justified.meanAbsRatio(), 1e-9);
        assertEquals(1.5, justified.maxAbsRatio(), 1e-9);
        assertEquals(1, justified.loose());
        assertEquals(1, justified.overfull(), "0.75pt over the measure");
        assertEquals(3, justified.hyphenated());
        assertEquals(2, justified.longestHyphenRun(), "lines 0 and 1: in the paragraph's order, not the pages'");
        assertEquals(0, justified.widows(), "its line 2 heads a column, but it is not the last");

        TypographyReport.Paragraph heading = report.paragraphs().get(1);
        assertEquals(1, heading.headingsAtFoot());

        TypographyReport.Paragraph ragged = report.paragraphs().get(2);
        assertEquals(1, ragged.raggedLines());
        assertEquals(40.0 / 12, ragged.meanShortfall(), 1e-9, "in ems of its 12pt style");
        assertEquals(1, ragged.orphans(), "its first line at a column foot");
        assertEquals(1, ragged.widows(), "its last line at a column head");

        TypographyReport.Totals t = report.totals();
        assertEquals(3, t.paragraphs());
        assertEquals(7, t.lines());
        assertEquals(1, t.overfull());
        assertEquals(1, t.widows());
        assertEquals(1, t.orphans());
        assertEquals(1, t.headingsAtFoot());
    }

    @Test
    void aDocumentWithoutTextHasAnEmptyReport() {
        TypographyReport report = TypographyReport.of(new TypesetDocument(null, List.of(page(1,
                new PageItem.Line(0, 0, 10, 10, null, 1))), List.of(), List.of()), "test");
        assertEquals(List.of(), report.paragraphs());
        assertEquals(0, report.totals().lines());
    }
}
