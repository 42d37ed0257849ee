package dev.brochure.typeset.text;

import java.util.ArrayList;
import java.util.List;

/**
 * First-fit line breaking: fill each line with as many items as fit (counting glue shrink for
 * justified text), then end it at the last legal breakpoint. Fast and predictable, but it
 * never looks ahead, so justified paragraphs can get loose lines.
 */
public final class GreedyLineBreaker implements LineBreaker {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public List<Line> breakLines(List<Item> items, double width, boolean justify) {
        List<Line> lines = new ArrayList<>();
        int start = skipDiscardable(items, 0);
        while (start < items.size()) {
            int end = lineEnd(items, start, width, justify);
            LineMetrics m = LineMetrics.of(items, start, end);
            boolean last = end >= items.size() || isForced(items.get(end));
            double ratio = justify && !last ? m.ratio(width) : Math.min(0, m.ratio(width));
            lines.add(new Line(start, end, ratio));
            start = skipDiscardable(items, end + 1);
        }
        return lines;
    }

    /** The breakpoint ending the line that starts at {@code start}. */
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
