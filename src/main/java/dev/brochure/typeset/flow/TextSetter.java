package dev.brochure.typeset.flow;

import dev.brochure.vocab.Align;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Inline;
import dev.brochure.world.font.FontFace;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.text.Faces;
import dev.brochure.typeset.text.Item;
import dev.brochure.typeset.text.LineBreaker;
import dev.brochure.typeset.text.LineSetter;
import dev.brochure.typeset.text.ParagraphBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a paragraph into line boxes: builds its items, breaks them with the configured line
 * breaker, and gives each line a box one leading tall with the baseline placed so the text sits
 * centred in it (half the leading above, half below, as in CSS).
 *
 * <p>Headings, and ragged text whose style has {@code balance}, are balanced as CSS
 * {@code text-wrap: balance} does: when they take two to {@value #MAX_BALANCED_LINES} lines,
 * they are broken at the narrowest measure that keeps the number of lines, so the lines come out
 * of similar length instead of a full line over a lone word. The lines are still aligned within
 * the full measure.
 */
final class TextSetter {

    /** Longer text gains little from balancing (and is rarely display text); CSS engines stop at 6 too. */
    static final int MAX_BALANCED_LINES = 6;
    /** The balanced measure is found to within this many points. */
    private static final double BALANCE_PRECISION = 0.25;
    /** A line may exceed its measure by this much and still fit (rounding of glyph advances). */
    private static final double FIT_TOLERANCE = 0.01;

    private final Theme theme;
    private final ParagraphBuilder builder;
    private final LineBreaker breaker;
    private final TypesetStats stats;
    private final Faces faces;

    TextSetter(Theme theme, ParagraphBuilder builder, LineBreaker breaker, TypesetStats stats, Faces faces) {
        this.theme = theme;
        this.builder = builder;
        this.breaker = breaker;
        this.stats = stats;
        this.faces = faces;
    }

    /** What a piece of text is, which decides whether it is hyphenated and recorded for the report. */
    private enum Role { PARAGRAPH, HEADING, LABEL }

    /** The lines of a paragraph, each a box of the style's leading, hyphenated if its style says so. */
    List<VItem.VBox> lines(List<Inline> text, TextStyle style, Align alignOverride, double width, SourceLocation where) {
        return lines(text, style, alignOverride, width, where, Role.PARAGRAPH);
    }

    /** The lines of a heading: never hyphenated, whatever its style says, and balanced. */
    List<VItem.VBox> headingLines(List<Inline> text, TextStyle style, double width, SourceLocation where) {
        return lines(text, style, null, width, where, Role.HEADING);
    }

    /**
     * A label that is not running text (a list marker, a running footer): set like a paragraph
     * but never hyphenated and left out of the typography report.
     */
    List<VItem.VBox> label(List<Inline> text, TextStyle style, Align alignOverride, double width, SourceLocation where) {
        return lines(text, style, alignOverride, width, where, Role.LABEL);
    }

    private List<VItem.VBox> lines(List<Inline> text, TextStyle style, Align alignOverride, double width,
            SourceLocation where, Role role) {
        Align align = alignOverride != null ? alignOverride : style.align();
        boolean justify = align == Align.JUSTIFY;
        List<Item> items = builder.build(text, style, justify, style.indent(), where, role == Role.PARAGRAPH);
        List<LineBreaker.Line> lines = breaker.breakLines(items, width, justify);
        double measure = width;
        if (!justify && (role == Role.HEADING || role == Role.PARAGRAPH && style.balance())
                && lines.size() > 1 && lines.size() <= MAX_BALANCED_LINES) {
            measure = balancedMeasure(items, lines.size(), width);
            lines = breaker.breakLines(items, measure, false);
        }
        int paragraph = role == Role.LABEL ? -1
                : stats.paragraph(where, style.name(), preview(text), justify, role == Role.HEADING, style.size());
        double baseline = baseline(style);
        List<VItem.VBox> boxes = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineBreaker.Line line = lines.get(i);
            LineSetter.SetLine set = LineSetter.set(items, line, width, justify ? Align.LEFT : align);
            VItem.TextLine tag = null;
            if (paragraph >= 0) {
                boolean natural = line.end() >= items.size() || items.get(line.end()) instanceof Item.Penalty p
                        && p.penalty() <= -Item.INFINITY;
                stats.line(paragraph, line, set, measure, natural);
                tag = new VItem.TextLine(paragraph, i, lines.size(), role == Role.HEADING);
            }
            List<PageItem> placed = new ArrayList<>(set.items().size());
            for (PageItem item : set.items()) {
                placed.add(item.moved(0, baseline));
            }
            boxes.add(new VItem.VBox(style.leading(), placed, List.of(), baseline, where, tag));
        }
        return boxes;
    }

    /**
     * The narrowest measure, found by bisection, at which ragged {@code items} still break into
     * {@code count} lines none of which is wider than the measure; {@code width} itself if the
     * text does not fit it (an overfull line is not made worse).
     */
    private double balancedMeasure(List<Item> items, int count, double width) {
        if (!fits(items, count, width)) {
            return width;
        }
        double fits = width;
        double tooNarrow = 0;
        while (fits - tooNarrow > BALANCE_PRECISION) {
            double mid = (fits + tooNarrow) / 2;
            if (fits(items, count, mid)) {
                fits = mid;
            } else {
                tooNarrow = mid;
            }
        }
        return fits;
    }

    private boolean fits(List<Item> items, int count, double measure) {
        List<LineBreaker.Line> lines = breaker.breakLines(items, measure, false);
        if (lines.size() != count) {
            return false;
        }
        for (LineBreaker.Line line : lines) {
            if (LineSetter.set(items, line, measure, Align.LEFT).width() > measure + FIT_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** The paragraph's first words, to recognise it in the report. */
    private static String preview(List<Inline> text) {
        StringBuilder b = new StringBuilder();
        for (Inline inline : text) {
            if (inline instanceof Inline.Run run) {
                b.append(run.text());
            } else {
                b.append(' ');
            }
            if (b.length() > 60) {
                break;
            }
        }
        String s = b.toString().replaceAll("\\s+", " ").strip();
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    /** The first baseline's distance from the top of a line box of this style. */
    double baseline(TextStyle style) {
        FontFace face = faces.face(theme.fonts().get(style.family()), style.bold(), style.italic());
        double ascent = face.ascent() * style.size();
        double descent = face.descent() * style.size();
        return (style.leading() - ascent - descent) / 2 + ascent;
    }
}
