package dev.brochure.typeset.flow;

import dev.brochure.vocab.Align;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.world.font.FontFace;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TextParagraph;
import dev.brochure.typeset.text.Faces;
import dev.brochure.typeset.text.Item;
import dev.brochure.typeset.text.LineBreaker;
import dev.brochure.typeset.text.LineOptions;
import dev.brochure.typeset.text.LineSetter;
import dev.brochure.typeset.text.ParagraphBuilder;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.text.RunTags;
import dev.brochure.typeset.text.RunOrder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>Every line of running text carries a {@link PageItem.TextLine} saying which paragraph it
 * belongs to and how it was set; a paragraph's id belongs to its layout block, so a block set
 * again (a panel stretched to its row's height) keeps its id.
 *
 * <p>The style's fine typography ({@link LineOptions}: font expansion, protrusion, emergency
 * stretch, consecutive hyphens) goes to the line breaker. A list item is hyphenated only if
 * it needs to be: set without hyphenation, an item of fewer than {@value #LIST_ITEM_LINES} lines
 * whose lines all fit within their stretch is kept so.
 */
final class TextSetter {

    /** A list item shorter than this, set without hyphens, is not hyphenated. */
    static final int LIST_ITEM_LINES = 3;
    /** Longer text gains little from balancing (and is rarely display text); CSS engines stop at 6 too. */
    static final int MAX_BALANCED_LINES = 6;
    /** The balanced measure is found to within this many points. */
    private static final double BALANCE_PRECISION = 0.25;
    /** A line may exceed its measure by this much and still fit (rounding of glyph advances). */
    private static final double FIT_TOLERANCE = 0.01;

    private final Theme theme;
    private final ParagraphBuilder builder;
    private final LineBreaker breaker;
    private final Faces faces;
    private final Structure structure;
    /** The paragraph id of each block set so far, numbered in the order they were first set. */
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    /** The paragraph id of each place of text set without a block of its own (table cells). */
    private final Map<Object, Integer> placeIds = new java.util.HashMap<>();

    TextSetter(Theme theme, ParagraphBuilder builder, LineBreaker breaker, Faces faces, Structure structure) {
        this.theme = theme;
        this.builder = builder;
        this.breaker = breaker;
        this.faces = faces;
        this.structure = structure;
    }

    /**
     * Runs {@code work}, which sets again text that was set before (to make its box taller). The
     * text keeps its paragraph ids (they belong to its blocks, or to its content's place), so the
     * report, computed from the placed lines, counts it once.
     */
    <T> T quietly(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** What a piece of text is, which decides whether it is hyphenated and recorded for the report. */
    private enum Role { PARAGRAPH, LIST_ITEM, HEADING, LABEL }

    /**
     * The lines of a paragraph of {@code block} (its text, a caption, an attribution), each a box
     * of the style's leading, hyphenated if its style says so.
     */
    List<VItem.VBox> lines(List<Inline> text, TextStyle style, Align alignOverride, double width, Block block) {
        return lines(text, style, alignOverride, width, block.where(), block, Role.PARAGRAPH, structure.text(block));
    }

    /**
     * As {@link #lines(List, TextStyle, Align, double, Block)}, for text of {@code block} that is
     * an element of its own ({@code tags}: a caption, an attribution).
     */
    List<VItem.VBox> lines(List<Inline> text, TextStyle style, Align alignOverride, double width, Block block,
            RunTags tags) {
        return lines(text, style, alignOverride, width, block.where(), block, Role.PARAGRAPH, tags);
    }

    /** The lines of a paragraph in a list item: hyphenated only if it then takes three lines or more. */
    List<VItem.VBox> listItemLines(List<Inline> text, TextStyle style, Align alignOverride, double width,
            Block block) {
        return lines(text, style, alignOverride, width, block.where(), block, Role.LIST_ITEM, structure.text(block));
    }

    /**
     * The lines of a paragraph that belongs to no block of its own (a table cell): its paragraph
     * id belongs to the content's place {@code where}, so setting it again keeps the id.
     */
    List<VItem.VBox> lines(List<Inline> text, TextStyle style, Align alignOverride, double width, SourceLocation where) {
        return lines(text, style, alignOverride, width, where, where, Role.PARAGRAPH, RunTags.all(Tag.NONE));
    }

    /** The lines of a heading that belongs to no heading block (a table's head cell), keyed by its place. */
    List<VItem.VBox> headingLines(List<Inline> text, TextStyle style, double width, SourceLocation where) {
        return lines(text, style, null, width, where, where, Role.HEADING, RunTags.all(Tag.NONE));
    }

    /** The lines of a heading: never hyphenated, whatever its style says, and balanced. */
    List<VItem.VBox> headingLines(Block.Heading heading, double width) {
        return lines(heading.text(), heading.style(), null, width, heading.where(), heading, Role.HEADING,
                structure.text(heading));
    }

    /**
     * A label that is not running text (a list marker, a running footer): set like a paragraph
     * but never hyphenated and left out of the typography report.
     */
    List<VItem.VBox> label(List<Inline> text, TextStyle style, Align alignOverride, double width, SourceLocation where,
            RunTags tags) {
        return lines(text, style, alignOverride, width, where, null, Role.LABEL, tags);
    }

    /** A label set only to be measured: its runs belong to no element. */
    List<VItem.VBox> label(List<Inline> text, TextStyle style, Align alignOverride, double width, SourceLocation where) {
        return label(text, style, alignOverride, width, where, RunTags.all(Tag.NONE));
    }

    /** A paragraph set on one line as a label (a table's figure aligned on its decimal point), tagged as its element. */
    List<VItem.VBox> label(Block.Paragraph p, double width) {
        return label(p.text(), p.style(), Align.LEFT, width, p.where(), structure.text(p));
    }

    private List<VItem.VBox> lines(List<Inline> text, TextStyle style, Align alignOverride, double width,
            SourceLocation where, Object block, Role role, RunTags tags) {
        Align align = alignOverride != null ? alignOverride : style.align();
        boolean justify = align == Align.JUSTIFY;
        boolean running = role == Role.PARAGRAPH || role == Role.LIST_ITEM;
        LineOptions options = role == Role.LABEL ? LineOptions.NONE
                : align == Align.RIGHT || align == Align.CENTER ? LineOptions.of(style).withoutProtrusion()
                : LineOptions.of(style);
        // A style's measure keeps its lines to a readable length in a wider column (labels fill theirs).
        double lineWidth = role == Role.LABEL ? width : style.lineWidth(width);
        List<Item> items = builder.build(text, style, justify, style.indent(), where, running);
        List<LineBreaker.Line> lines = breaker.breakLines(items, lineWidth, justify, options);
        if (role == Role.LIST_ITEM && hyphenated(items, lines)) {
            List<Item> whole = builder.build(text, style, justify, style.indent(), where, false);
            List<LineBreaker.Line> unhyphenated = breaker.breakLines(whole, lineWidth, justify, options);
            if (unhyphenated.size() < LIST_ITEM_LINES && allFit(whole, unhyphenated, lineWidth, justify)) {
                items = whole;
                lines = unhyphenated;
            }
        }
        double measure = lineWidth;
        if (!justify && (role == Role.HEADING || running && style.balance())
                && lines.size() > 1 && lines.size() <= MAX_BALANCED_LINES) {
            measure = balancedMeasure(items, lines.size(), lineWidth, options);
            lines = breaker.breakLines(items, measure, false, options);
        }
        TextParagraph paragraph = role == Role.LABEL ? null
                : new TextParagraph(id(block), where, style.name(), preview(text), justify, role == Role.HEADING,
                        style.size(), lines.size());
        double baseline = baseline(style);
        // A paragraph holding right-to-left text is not drawn in reading order: its runs are numbered.
        RunOrder order = RunOrder.of(items);
        List<VItem.VBox> boxes = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineBreaker.Line line = lines.get(i);
            // Justified lines fill the measure; ragged, centred and right-aligned ones align in the column.
            LineSetter.SetLine set = LineSetter.set(items, line, justify ? lineWidth : width, justify ? Align.LEFT : align,
                    tags, order);
            List<PageItem> placed = new ArrayList<>(set.items().size() + 1);
            if (paragraph != null) {
                boolean natural = line.end() >= items.size() || items.get(line.end()) instanceof Item.Penalty p
                        && p.penalty() <= -Item.INFINITY;
                placed.add(new PageItem.TextLine(0, baseline, set.width(), measure, paragraph, i, line.ratio(), natural,
                        set.hyphenated(), false, false));
            }
            for (PageItem item : set.items()) {
                placed.add(item.moved(0, baseline));
            }
            VItem.TextLine tag = paragraph == null ? null
                    : new VItem.TextLine(paragraph.id(), i, lines.size(), role == Role.HEADING);
            boxes.add(new VItem.VBox(style.leading(), placed, List.of(), baseline, where, tag));
        }
        return boxes;
    }

    /** The paragraph id of {@code block}: the one it had if it was set before, else the next. */
    private int id(Object block) {
        Map<Object, Integer> map = block instanceof Block ? ids : placeIds;
        Integer id = map.get(block);
        if (id == null) {
            id = ids.size() + placeIds.size();
            map.put(block, id);
        }
        return id;
    }

    /**
     * The narrowest measure, found by bisection, at which ragged {@code items} still break into
     * {@code count} lines none of which is wider than the measure; {@code width} itself if the
     * text does not fit it (an overfull line is not made worse).
     */
    private double balancedMeasure(List<Item> items, int count, double width, LineOptions options) {
        if (!fits(items, count, width, options)) {
            return width;
        }
        double fits = width;
        double tooNarrow = 0;
        while (fits - tooNarrow > BALANCE_PRECISION) {
            double mid = (fits + tooNarrow) / 2;
            if (fits(items, count, mid, options)) {
                fits = mid;
            } else {
                tooNarrow = mid;
            }
        }
        return fits;
    }

    private boolean fits(List<Item> items, int count, double measure, LineOptions options) {
        List<LineBreaker.Line> lines = breaker.breakLines(items, measure, false, options);
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

    /** Whether a line ends with an added hyphen. */
    private static boolean hyphenated(List<Item> items, List<LineBreaker.Line> lines) {
        return lines.stream().anyMatch(l -> l.end() < items.size() && items.get(l.end()) instanceof Item.Penalty p
                && p.hyphen() != null);
    }

    /** Whether no line is wider than the measure, nor (justified) stretched beyond its spaces' limit. */
    private static boolean allFit(List<Item> items, List<LineBreaker.Line> lines, double width, boolean justify) {
        for (LineBreaker.Line line : lines) {
            if (LineSetter.set(items, line, width, Align.LEFT).width() > width + FIT_TOLERANCE
                    || justify && line.ratio() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * How wide text is when nothing breaks it: {@code [0]} its widest line (one line, unless it
     * has forced breaks), {@code [1]} its widest word, which no measure can go below.
     */
    double[] contentWidths(List<Inline> text, TextStyle style, SourceLocation where) {
        double widest = 0;
        for (VItem.VBox line : label(text, style, Align.LEFT, 1e6, where)) {
            widest = Math.max(widest, extent(line));
        }
        double word = 0;
        for (Inline inline : text) {
            if (inline instanceof Inline.Run run) {
                for (String w : run.text().split("\\s+")) {
                    if (!w.isEmpty()) {
                        List<Inline> one = List.of(new Inline.Run(w, run.bold(), run.italic(), null, run.color()));
                        word = Math.max(word, extent(label(one, style, Align.LEFT, 1e6, where).getFirst()));
                    }
                }
            }
        }
        return new double[] {widest, Math.min(word, widest)};
    }

    /** How far to the right a line's glyphs reach. */
    static double extent(VItem.VBox line) {
        double right = 0;
        for (PageItem item : line.items()) {
            if (item instanceof PageItem.GlyphRun run) {
                right = Math.max(right, run.x() + run.width());
            }
        }
        return right;
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
