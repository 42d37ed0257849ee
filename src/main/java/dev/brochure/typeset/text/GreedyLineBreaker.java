package dev.brochure.typeset.text;

import java.util.ArrayList;
import java.util.List;

/**
 * First-fit line breaking: fill each line with as many items as fit, then end it at the last
 * legal breakpoint. Fast and predictable, but it never looks ahead, so justified paragraphs get
 * loose lines. Two variants: as word processors do, words fit at their natural spacing (the
 * default, {@code greedy}); or, as Knuth and Plass's "first fit", a line may also shrink its
 * spaces to take one more word ({@link #shrinking()}, {@code greedy-shrink}).
 */
public final class GreedyLineBreaker implements LineBreaker {

    private final boolean shrink;

    /** First fit at natural spacing, as a word processor breaks lines. */
    public GreedyLineBreaker() {
        this(false);
    }

    private GreedyLineBreaker(boolean shrink) {
        this.shrink = shrink;
    }

    /** First fit that may shrink a justified line's spaces to take one more word. */
    public static GreedyLineBreaker shrinking() {
        return new GreedyLineBreaker(true);
    }

    @Override
    public String name() {
        return shrink ? "greedy-shrink" : "greedy";
    }

    @Override
    public List<Line> breakLines(List<Item> items, double width, boolean justify) {
        List<Line> lines = new ArrayList<>();
        int start = skipDiscardable(items, 0);
        while (start < items.size()) {
            int end = lineEnd(items, start, width, justify && shrink);
            LineMetrics m = LineMetrics.of(items, start, end);
            boolean last = end >= items.size() || isForced(items.get(end));
            double ratio = justify && !last ? m.ratio(width) : Math.min(0, m.ratio(width));
            lines.add(new Line(start, end, ratio));
            start = skipDiscardable(items, end + 1);
        }
        return lines;
    }

    /** The breakpoint ending the line that starts at {@code start}; {@code justify}: may shrink. */
    private static int lineEnd(List<Item> items, int start, double width, boolean justify) {
        double natural = 0;
        double shrink = 0;
        int lastBreak = -1;
        for (int i = start; i < items.size(); i++) {
            Item item = items.get(i);
            if (isLegalBreak(items, i, start)) {
                if (item instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY) {
                    return i;
                }
                double atBreak = natural + (item instanceof Item.Penalty p ? p.width() : 0);
                if (atBreak - (justify ? shrink : 0) > width + 1e-6 && lastBreak >= 0) {
                    return lastBreak;
                }
                lastBreak = i;
            }
            if (!(item instanceof Item.Penalty)) {
                natural += item.width();
            }
            if (item instanceof Item.Glue g) {
                shrink += g.shrink();
            }
            if (item instanceof Item.Box && natural - (justify ? shrink : 0) > width + 1e-6 && lastBreak >= 0) {
                return lastBreak;
            }
        }
        return items.size();
    }

    static boolean isLegalBreak(List<Item> items, int i, int lineStart) {
        Item item = items.get(i);
        if (item instanceof Item.Penalty p) {
            return p.penalty() < Item.INFINITY;
        }
        return item instanceof Item.Glue && i > lineStart && items.get(i - 1) instanceof Item.Box;
    }

    static boolean isForced(Item item) {
        return item instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY;
    }

    /** Glue and penalties at the start of a line vanish, as in TeX. */
    static int skipDiscardable(List<Item> items, int from) {
        int i = from;
        while (i < items.size() && !(items.get(i) instanceof Item.Box)) {
            if (isForced(items.get(i)) && i > from) {
                break;
            }
            i++;
        }
        return i;
    }
}
