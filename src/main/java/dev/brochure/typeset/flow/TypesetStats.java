package dev.brochure.typeset.flow;

import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.typeset.text.LineBreaker;
import dev.brochure.typeset.text.LineSetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records what typesetting had to compromise on, for the typography report: every paragraph's
 * lines as they were broken and set, and every column as it was filled. An overfull line (text
 * wider than its measure) is also reported as a warning naming the content it came from.
 */
public final class TypesetStats {

    private static final double OVERFULL = 0.5;
    /** A ragged line short of its measure by more than this many ems is a notch in the rag. */
    static final double NOTCH = 3;

    private final Diagnostics diagnostics;
    private final List<ParagraphRecord> paragraphs = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();

    public TypesetStats(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** A paragraph being recorded; its lines are added as they are set. */
    private record ParagraphRecord(SourceLocation where, String style, String preview, boolean justified,
            boolean heading, double size, List<LineRecord> lines) {
    }

    /**
     * {@code ratio} as broken; {@code adjusted} false for lines set at natural width;
     * {@code ragged} for a ragged paragraph's lines but its last, {@code shortfall} being how far
     * such a line falls short of the measure, in ems.
     */
    private record LineRecord(double ratio, boolean adjusted, boolean hyphenated, boolean overfull, boolean ragged,
            double shortfall) {
    }

    /**
     * A filled column: the section it belongs to, its boxes in order (null for boxes that are no
     * text line), and whether reading goes on in another column or page after it ({@code foot}).
     */
    private record Column(String section, List<VItem.TextLine> boxes, boolean foot) {
    }

    /** Starts recording a paragraph; the number returned identifies it in its lines' {@link VItem.TextLine}. */
    int paragraph(SourceLocation where, String style, String preview, boolean justified, boolean heading,
            double size) {
        paragraphs.add(new ParagraphRecord(where, style, preview, justified, heading, size, new ArrayList<>()));
        return paragraphs.size() - 1;
    }

    /** A set line of paragraph {@code paragraph}; {@code natural} when it is not justified (a last line). */
    void line(int paragraph, LineBreaker.Line line, LineSetter.SetLine set, double width, boolean natural) {
        ParagraphRecord p = paragraphs.get(paragraph);
        boolean overfull = set.width() > width + OVERFULL;
        if (overfull) {
            diagnostics.warning(p.where(), String.format(Locale.ROOT,
                    "a line is %.1fpt wider than its %.1fpt measure", set.width() - width, width),
                    "a long word or address does not fit; shorten it or widen its box");
        }
        boolean ragged = !p.justified() && !p.heading() && !natural;
        p.lines().add(new LineRecord(line.ratio(), p.justified() && !natural, set.hyphenated(), overfull, ragged,
                Math.max(0, width - set.width()) / p.size()));
    }

    /** A column as placed: its boxes in order, top to bottom; {@code foot} if reading continues elsewhere. */
    void column(String section, List<VItem.VBox> boxes, boolean foot) {
        List<VItem.TextLine> lines = new ArrayList<>();
        for (VItem.VBox box : boxes) {
            if (box.height() > 0 || !box.items().isEmpty()) {
                lines.add(box.line());
            }
        }
        if (!lines.isEmpty()) {
            columns.add(new Column(section, lines, foot));
        }
    }

    public int lines() {
        return paragraphs.stream().mapToInt(p -> p.lines().size()).sum();
    }

    public int overfull() {
        return (int) paragraphs.stream().flatMap(p -> p.lines().stream()).filter(LineRecord::overfull).count();
    }

    /** The report of everything recorded, for a document broken with {@code breaker}. */
    public TypographyReport report(String breaker) {
        int n = paragraphs.size();
        int[] widows = new int[n];
        int[] orphans = new int[n];
        int[] headingsAtFoot = new int[n];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            VItem.TextLine first = column.boxes().getFirst();
            VItem.TextLine last = column.boxes().getLast();
            boolean continues = column.foot() && c + 1 < columns.size()
                    && columns.get(c + 1).section().equals(column.section());
            // A widow: a paragraph's line alone at a column's head, its earlier lines elsewhere: its
            // last line, or any line that is the column's only one (then alone at its foot too).
            boolean lone = column.boxes().size() == 1 && first != null && first.index() > 0;
            if (first != null && !first.heading() && first.count() > 1
                    && (first.index() == first.count() - 1 || lone)) {
                widows[first.paragraph()]++;
            }
            if (last != null && !last.heading() && last.count() > 1 && last.index() == 0) {
                orphans[last.paragraph()]++;
            }
            if (last != null && last.heading() && continues) {
                headingsAtFoot[last.paragraph()]++;
            }
        }
        List<TypographyReport.Paragraph> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(paragraph(paragraphs.get(i), widows[i], orphans[i], headingsAtFoot[i]));
        }
        return new TypographyReport(breaker, out, totals(out));
    }

    private static TypographyReport.Paragraph paragraph(ParagraphRecord p, int widows, int orphans, int headings) {
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
        for (LineRecord line : p.lines()) {
            if (line.ragged()) {
                ragged++;
                shortfall += line.shortfall();
                deepest = Math.max(deepest, line.shortfall());
                notches += line.shortfall() > NOTCH ? 1 : 0;
            }
            if (line.adjusted()) {
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
        }
        return new TypographyReport.Paragraph(p.where(), p.style(), p.preview(), p.justified(), p.heading(),
                p.lines().size(), adjusted, adjusted == 0 ? 0 : sum / adjusted, max, loose, veryLoose, overfull, hyphenated,
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
