package dev.brochure.typeset.quality;

import dev.brochure.vocab.SourceLocation;
import dev.brochure.typeset.page.TypesetDocument;
import java.util.List;

/**
 * How well a document was typeset, per paragraph and in total, computed from the typeset
 * document (the lines it places, not read back from a PDF): how far justified lines had to
 * stretch or shrink their spaces, lines beyond what their spaces allow, hyphens, and how
 * paragraphs and headings fell at column ends. One record per paragraph as placed, in the order
 * of their first lines.
 *
 * <p>Definitions. The adjustment ratio r of a justified line is how much of its spaces'
 * stretch (r > 0) or shrink (r < 0) it uses; |r| ≤ 1 is within the spaces' limits. Only lines
 * that are actually justified count for r: not a paragraph's last line, nor a line ended by a
 * forced break, nor ragged text. <em>Loose</em>: r > 1; <em>very loose</em>: r > 2. <em>Overfull</em>: wider than its
 * measure (any alignment). <em>Hyphenated</em>: ending with a hyphen, added by hyphenation or
 * already in the text. <em>Ragged lines</em>: lines of unjustified paragraphs but their last
 * (headings apart); their <em>shortfall</em> is how far they fall short of the measure, in ems,
 * and a <em>notch</em> is one short by more than 3 ems. <em>Orphan</em>: a paragraph's first line alone at the foot of a column;
 * <em>widow</em>: its last line alone at the head of one, or any later line of it left alone in a
 * column (at its head and foot at once, the paragraph going on in the next). <em>Heading at foot</em>: a heading
 * that ends a column while its section goes on in the next.
 */
public record TypographyReport(String breaker, List<Paragraph> paragraphs, Totals totals) {

    public TypographyReport {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The report of {@code document}, whose lines were broken by {@code breaker} (its name). */
    public static TypographyReport of(TypesetDocument document, String breaker) {
        return ReportBuilder.build(document, breaker);
    }

    /** One paragraph (or heading): where it comes from and how its lines came out. */
    public record Paragraph(SourceLocation where, String style, String preview, boolean justified, boolean heading,
            int lines, int justifiedLines, double meanAbsRatio, double maxAbsRatio, int loose, int veryLoose, int overfull,
            int hyphenated, int longestHyphenRun, int raggedLines, double meanShortfall, double maxShortfall, int notches,
            int widows, int orphans, int headingsAtFoot) {
    }

    /** The figures over the whole document; ratios over all justified lines. */
    public record Totals(int paragraphs, int lines, int justifiedLines, double meanAbsRatio, double maxAbsRatio,
            int loose, int veryLoose, int overfull, int hyphenated, int longestHyphenRun, int hyphenRunsOverTwo,
            int raggedLines, double meanShortfall, double maxShortfall, int notches, int widows, int orphans,
            int headingsAtFoot) {
    }
}
