package dev.brochure.typeset.quality;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TextParagraph;
import dev.brochure.typeset.page.TypesetDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link TypographyReport} of a typeset document from the lines it places
 * ({@link PageItem.TextLine}): one record per paragraph, in the order of their first lines on the
 * pages. Text that typesetting set and then set again (a panel stretched to its row's height) is
 * counted as placed, once.
 */
final class ReportBuilder {

    /** A ragged line short of its measure by more than this many ems is a notch in the rag. */
    static final double NOTCH = 3;

    private ReportBuilder() {
    }

    static TypographyReport build(TypesetDocument document, String breaker) {
        Map<Integer, List<PageItem.TextLine>> paragraphs = new LinkedHashMap<>();
        for (Page page : document.pages()) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.TextLine line) {
                    paragraphs.computeIfAbsent(line.paragraph().id(), id -> new ArrayList<>()).add(line);
                }
            }
        }
        List<TypographyReport.Paragraph> out = new ArrayList<>();
        for (List<PageItem.TextLine> lines : paragraphs.values()) {
            lines.sort(Comparator.comparingInt(PageItem.TextLine::index));
            out.add(paragraph(lines));
        }
        return new TypographyReport(breaker, out, totals(out));
    }

    /** The figures of one paragraph from its placed lines, in order. */
    private static TypographyReport.Paragraph paragraph(List<PageItem.TextLine> lines) {
        TextParagraph p = lines.getFirst().paragraph();
        double sum = 0;
        double max = 0;
        int adjusted = 0;
        int loose = 0;
        int veryLoose = 0;
        int overfull = 0;
        int hyphenated = 0;
        int run = 0;
        int longest = 0;
        int ragged = 0;
        double shortfall = 0;
        double deepest = 0;
        int notches = 0;
        int widows = 0;
        int orphans = 0;
        int headings = 0;
        for (PageItem.TextLine line : lines) {
            if (!p.justified() && !p.heading() && !line.natural()) {
                double shortBy = Math.max(0, line.measure() - line.width()) / p.size();
                ragged++;
                shortfall += shortBy;
                deepest = Math.max(deepest, shortBy);
                notches += shortBy > NOTCH ? 1 : 0;
            }
            if (p.justified() && !line.natural()) {
                double r = Math.abs(line.ratio());
                sum += r;
                max = Math.max(max, r);
                adjusted++;
                loose += line.ratio() > 1 + 1e-9 ? 1 : 0;
                veryLoose += line.ratio() > 2 + 1e-9 ? 1 : 0;
            }
            overfull += line.overfull() ? 1 : 0;
            hyphenated += line.hyphenated() ? 1 : 0;
            run = line.hyphenated() ? run + 1 : 0;
            longest = Math.max(longest, run);
            boolean split = !p.heading() && p.lines() > 1;
            // A widow: a paragraph's line alone at a column's head, its earlier lines elsewhere: its last
            // line, or any later line that is its column's only one (alone at its foot too: the 4 / 1 / 1 split).
            boolean lone = line.columnTop() && line.columnFoot() && line.index() > 0;
            widows += split && line.columnTop() && (line.index() == p.lines() - 1 || lone) ? 1 : 0;
            orphans += split && line.columnFoot() && line.index() == 0 ? 1 : 0;
            headings += p.heading() && line.columnFoot() ? 1 : 0;
        }
        return new TypographyReport.Paragraph(p.where(), p.style(), p.preview(), p.justified(), p.heading(),
                lines.size(), adjusted, adjusted == 0 ? 0 : sum / adjusted, max, loose, veryLoose, overfull, hyphenated,
                longest, ragged, ragged == 0 ? 0 : shortfall / ragged, deepest, notches, widows, orphans, headings);
    }

    private static TypographyReport.Totals totals(List<TypographyReport.Paragraph> ps) {
        int lines = 0;
        int adjusted = 0;
        double sum = 0;
        double max = 0;
        int loose = 0;
        int veryLoose = 0;
        int overfull = 0;
        int hyphenated = 0;
        int longest = 0;
        int overTwo = 0;
        int ragged = 0;
        double shortfall = 0;
        double deepest = 0;
        int notches = 0;
        int widows = 0;
        int orphans = 0;
        int headings = 0;
        for (TypographyReport.Paragraph p : ps) {
            lines += p.lines();
            adjusted += p.justifiedLines();
            sum += p.meanAbsRatio() * p.justifiedLines();
            max = Math.max(max, p.maxAbsRatio());
            loose += p.loose();
            veryLoose += p.veryLoose();
            overfull += p.overfull();
            hyphenated += p.hyphenated();
            longest = Math.max(longest, p.longestHyphenRun());
            overTwo += p.longestHyphenRun() > 2 ? 1 : 0;
            ragged += p.raggedLines();
            shortfall += p.meanShortfall() * p.raggedLines();
            deepest = Math.max(deepest, p.maxShortfall());
            notches += p.notches();
            widows += p.widows();
            orphans += p.orphans();
            headings += p.headingsAtFoot();
        }
        return new TypographyReport.Totals(ps.size(), lines, adjusted, adjusted == 0 ? 0 : sum / adjusted, max, loose,
                veryLoose, overfull, hyphenated, longest, overTwo, ragged, ragged == 0 ? 0 : shortfall / ragged, deepest,
                notches, widows, orphans, headings);
    }
}
