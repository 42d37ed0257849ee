package dev.brochure.typeset.text;

import java.util.List;

/** Sums over a stretch of items: natural width and total stretch and shrink. */
record LineMetrics(double width, double stretch, double shrink) {

    static LineMetrics of(List<Item> items, int start, int end) {
        double w = 0;
        double st = 0;
        double sh = 0;
        for (int i = start; i < end; i++) {
            Item item = items.get(i);
            if (item instanceof Item.Penalty) {
                continue; // a penalty's width counts only where the line ends at it
            }
            w += item.width();
            if (item instanceof Item.Glue g) {
                st += g.stretch();
                sh += g.shrink();
            }
        }
        if (end < items.size() && items.get(end) instanceof Item.Penalty p) {
            w += p.width();
        }
        return new LineMetrics(w, st, sh);
    }

    /** The adjustment ratio that makes the line exactly {@code target} wide. */
    double ratio(double target) {
        if (width < target) {
            return stretch > 0 ? (target - width) / stretch : Item.INFINITY;
        }
        if (width > target) {
            return shrink > 0 ? (target - width) / shrink : -Item.INFINITY;
        }
        return 0;
    }
}
