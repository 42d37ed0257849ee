package dev.brochure.typeset.text;

import dev.brochure.vocab.Align;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.typeset.page.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sets broken lines: positions every glyph of a line (glue stretched or shrunk by the line's
 * ratio, glyphs widened or narrowed by its font expansion, the line shifted for its alignment and
 * by what protrudes into the left margin) and emits glyph runs and link areas relative to the
 * line's start on its baseline. The glyph positions are final: drawing must not move them.
 *
 * <p>Bidirectional text: the items are in logical order; a line holding right-to-left text is
 * put in visual order by the Unicode bidirectional algorithm's rule L2 (from the highest level
 * down to the lowest odd one, every sequence at that level or above is reversed), each fragment
 * moving as a whole (its glyphs are shaped in visual order already). A glyph run holds text of one
 * direction and one tag: its glyphs in visual order, its {@code text} in logical order; each run
 * keeps the tag of the text it shows. In a right-to-left
 * paragraph {@code left} alignment means the start of the line, its right edge. The runs of a
 * paragraph holding right-to-left text are numbered in reading order ({@link RunOrder}), which
 * is known although they are drawn in visual order.
 */
public final class LineSetter {

    /**
     * A set line: its items (baseline at y = 0), its final width (from the measure's left edge to
     * its right edge, not counting what protrudes into the margins), whether it ends with a hyphen
     * (inserted by hyphenation, or one the text has), and its font expansion (a fraction).
     */
    public record SetLine(List<PageItem> items, double width, boolean hyphenated, double expansion) {
    }

    /**
     * One thing on a line, in logical order: a fragment drawn over {@code advance} points (glue's
     * space drawn over its stretched width), or empty space ({@code fragment} null); a hyphen is
     * drawn at the end of its penalty's width ({@code hyphen}).
     */
    private record Piece(Fragment fragment, double advance, int level, boolean hyphen, double drawn, int logical) {
    }

    private LineSetter() {
    }

    public static SetLine set(List<Item> items, LineBreaker.Line line, double measure, Align align) {
        return set(items, line, measure, align, RunTags.all(Tag.NONE));
    }

    /**
     * As {@link #set(List, LineBreaker.Line, double, Align)}, every glyph run and link area tagged
     * by {@code tags}: a run never mixes text of two tags (a link's text and the text around it).
     */
    public static SetLine set(List<Item> items, LineBreaker.Line line, double measure, Align align, RunTags tags) {
        return set(items, line, measure, align, tags, null);
    }

    /**
     * As {@link #set(List, LineBreaker.Line, double, Align, RunTags)}, each glyph run numbered by
     * {@code order} in reading order (null: not numbered), which the paragraph's lines share, set
     * in order.
     */
    public static SetLine set(List<Item> items, LineBreaker.Line line, double measure, Align align, RunTags tags,
            RunOrder order) {
        double ratio = Math.max(-1, line.ratio() >= Item.INFINITY ? 0 : line.ratio());
        double scale = 1 + line.expansion();
        List<Piece> pieces = new ArrayList<>();
        int base = 0;
        boolean bidi = false;
        int level = -1;
        for (int i = line.start(); i < line.end(); i++) {
            Item item = items.get(i);
            switch (item) {
                case Item.Box box -> {
                    for (Fragment f : box.fragments()) {
                        pieces.add(new Piece(f, f.width() * scale, f.level(), false, 0, pieces.size()));
                        base = f.base();
                        bidi |= f.level() != 0;
                        level = f.level();
                    }
                    if (box.fragments().isEmpty()) {
                        pieces.add(new Piece(null, box.width(), -1, false, 0, pieces.size()));
                    }
                }
                case Item.Glue glue -> {
                    double w = glue.width() + (ratio >= 0 ? ratio * glue.stretch() : ratio * glue.shrink());
                    Fragment space = glue.space() != null && i > line.start() ? glue.space() : null;
                    pieces.add(new Piece(space, w, glue.space() != null ? glue.space().level() : level, false, 0,
                            pieces.size()));
                }
                case Item.Penalty p -> { }
            }
        }
        boolean hyphenated = false;
        if (line.end() < items.size() && items.get(line.end()) instanceof Item.Penalty p) {
            hyphenated = p.flagged();
            if (p.hyphen() != null) {
                // The penalty's width is the hyphen plus the kerning change at the cut: the hyphen
                // sits at its end.
                pieces.add(new Piece(p.hyphen(), p.width() * scale, p.hyphen().level(), true, p.hyphen().width() * scale,
                        pieces.size()));
            } else {
                pieces.add(new Piece(null, p.width() * scale, level, false, 0, pieces.size()));
            }
        }
        if (bidi) {
            pieces = visualOrder(pieces, base);
        }
        RunCollector runs = new RunCollector(scale, tags);
        double x = 0;
        for (Piece piece : pieces) {
            if (piece.hyphen()) {
                runs.add(piece.fragment(), x + piece.advance() - piece.drawn(), piece.drawn(), piece.logical());
            } else if (piece.fragment() != null) {
                runs.add(piece.fragment(), x, piece.advance(), piece.logical());
            }
            x += piece.advance();
        }
        // What protrudes into the margins does not count towards the line's width.
        double width = x - line.left() - line.right();
        Align start = base == 1 && (align == Align.LEFT || align == Align.JUSTIFY) ? Align.RIGHT : align;
        double shift = switch (start) {
            case RIGHT -> measure - width - line.left();
            case CENTER -> (measure - width) / 2 - line.left();
            default -> -line.left();
        };
        List<PageItem> out = new ArrayList<>();
        for (PageItem item : runs.finish(order)) {
            out.add(shift == 0 ? item : item.moved(shift, 0));
        }
        return new SetLine(out, width, hyphenated, line.expansion());
    }

    /**
     * The pieces of a line in visual order (UAX #9, L2). Space with no level of its own (an
     * indent, glue between words of no text) takes the level of the piece before it, or the
     * paragraph's. Spaces at the line's end are not drawn, so rule L1 changes nothing visible.
     */
    private static List<Piece> visualOrder(List<Piece> logical, int base) {
        int n = logical.size();
        int[] levels = new int[n];
        int highest = base;
        int lowestOdd = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int level = logical.get(i).level();
            levels[i] = level >= 0 ? level : i > 0 ? levels[i - 1] : base;
            highest = Math.max(highest, levels[i]);
            if ((levels[i] & 1) == 1) {
                lowestOdd = Math.min(lowestOdd, levels[i]);
            }
        }
        List<Piece> order = new ArrayList<>(logical);
        Integer[] at = new Integer[n];
        for (int i = 0; i < n; i++) {
            at[i] = i;
        }
        for (int level = highest; level >= lowestOdd && lowestOdd != Integer.MAX_VALUE; level--) {
            int i = 0;
            while (i < n) {
                if (levels[at[i]] < level) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < n && levels[at[j]] >= level) {
                    j++;
                }
                for (int a = i, b = j - 1; a < b; a++, b--) {
                    Integer t = at[a];
                    at[a] = at[b];
                    at[b] = t;
                }
                i = j;
            }
        }
        for (int i = 0; i < n; i++) {
            order.set(i, logical.get(at[i]));
        }
        return order;
    }

    /**
     * Merges neighbouring fragments of the same look, direction and tag into one glyph run, and
     * links into areas. Fragments come in visual order; a right-to-left run's text is theirs in
     * reverse order, which is the logical one. The runs come in visual order, as a PDF reader
     * expects them (it puts a line's right-to-left text back in logical order).
     */
    private static final class RunCollector {
        private final double scale;
        private final RunTags tags;
        private Tag runTag;
        private final List<PageItem.GlyphRun> out = new ArrayList<>();
        /** Where each run of {@code out} starts in the line's logical order (its first piece's index). */
        private final List<Integer> logical = new ArrayList<>();
        /** The first piece, in logical order, of the run being collected. */
        private int runLogical;
        private final List<PageItem> links = new ArrayList<>();
        private Fragment look;
        private double runX;
        /** The fragments of the run being collected, in visual order, and where each is drawn. */
        private final List<Fragment> fragments = new ArrayList<>();
        private final List<Double> starts = new ArrayList<>();
        private double runEnd;
        private String linkHref;
        private Tag linkTag;
        private double linkX;
        private double linkEnd;
        private double linkTop;
        private double linkBottom;

        RunCollector(double scale, RunTags tags) {
            this.scale = scale;
            this.tags = tags;
        }

        /**
         * Adds a fragment drawn from {@code x}, taking {@code advance} (wider than natural for glue),
         * the {@code piece}th of the line in logical order.
         */
        void add(Fragment f, double x, double advance, int piece) {
            Tag tag = tags.of(f.href(), f.lang());
            if (look == null || !look.sameLook(f) || look.rightToLeft() != f.rightToLeft() || !tag.equals(runTag)) {
                flushRun();
                look = f;
                runX = x;
                runTag = tag;
                runLogical = piece;
            }
            runLogical = Math.min(runLogical, piece);
            fragments.add(f);
            starts.add(x);
            runEnd = x + advance;
            link(f, x, advance);
        }

        private void link(Fragment f, double x, double advance) {
            if (f.href() != null && f.href().equals(linkHref) && Math.abs(x - linkEnd) < 0.01) {
                linkEnd = x + advance;
                return;
            }
            flushLink();
            if (f.href() != null && !f.shaped().text().isBlank()) {
                linkHref = f.href();
                linkTag = tags.of(f.href(), f.lang());
                linkX = x;
                linkEnd = x + advance;
                linkTop = -f.face().ascent() * f.size();
                linkBottom = f.face().descent() * f.size();
            }
        }

        private void flushLink() {
            if (linkHref != null) {
                links.add(new PageItem.Link(new Rect(linkX, linkTop, linkEnd - linkX, linkBottom - linkTop), linkHref,
                        linkTag));
            }
            linkHref = null;
        }

        private void flushRun() {
            int count = 0;
            int length = 0;
            for (Fragment f : fragments) {
                count += f.shaped().length();
                length += f.shaped().text().length();
            }
            if (look != null && count > 0) {
                boolean reversed = look.rightToLeft();
                int[] g = new int[count];
                double[] p = new double[count];
                int[] cps = new int[count];
                StringBuilder text = new StringBuilder(length);
                int k = 0;
                // A right-to-left run's last fragment (visually) comes first in its text.
                int offset = reversed ? length : 0;
                for (int n = 0; n < fragments.size(); n++) {
                    Fragment f = fragments.get(n);
                    double unit = f.size() / 1000.0 * scale;
                    double gx = starts.get(n);
                    int[] glyphs = f.shaped().glyphs();
                    double[] adv = f.shaped().advances();
                    int[] fragmentClusters = f.shaped().clusters();
                    int textLength = f.shaped().text().length();
                    if (reversed) {
                        offset -= textLength;
                    }
                    for (int i = 0; i < glyphs.length; i++) {
                        g[k] = glyphs[i];
                        cps[k] = offset + fragmentClusters[i];
                        p[k] = gx - runX;
                        gx += adv[i] * unit + f.trackingPoints() * scale;
                        k++;
                    }
                    if (!reversed) {
                        offset += textLength;
                    }
                }
                if (reversed) {
                    for (int n = fragments.size() - 1; n >= 0; n--) {
                        text.append(fragments.get(n).shaped().text());
                    }
                } else {
                    fragments.forEach(f -> text.append(f.shaped().text()));
                }
                out.add(new PageItem.GlyphRun(runX, 0, look.face().file(), look.size(), look.color(), g, p, cps,
                        runEnd - runX, text.toString(), scale, runTag));
                logical.add(runLogical);
            }
            fragments.clear();
            starts.clear();
        }

        /** The runs in visual order, each numbered by {@code reading} (null: not numbered), then the link areas. */
        List<PageItem> finish(RunOrder reading) {
            flushRun();
            flushLink();
            List<PageItem> all = new ArrayList<>(out);
            if (reading != null) {
                // Numbered in logical order; they stay in visual order, the order they are drawn in.
                Integer[] order = new Integer[out.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingInt(logical::get));
                for (int i : order) {
                    all.set(i, out.get(i).read(reading.next()));
                }
            }
            all.addAll(links);
            return all;
        }
    }
}
