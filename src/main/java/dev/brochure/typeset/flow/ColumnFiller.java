package dev.brochure.typeset.flow;

import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides how much of a vertical list goes into one column: as much as fits, ending at the last
 * legal breakpoint (glue after a box, or a penalty below infinity). Glue vanishes at a column's
 * top. Also balances columns: the lowest height at which the list fits in n columns.
 */
final class ColumnFiller {

    private static final double EPSILON = 0.01;

    /**
     * The part of the list in one column: items {@code [start, end)}; the next column continues
     * at {@code next}. {@code used} is the height taken; {@code newPage} is set when the column
     * ended at a page break. {@code stuck} means nothing fits: the first box is taller than the
     * column, or the boxes from the top that must stay together (a heading and the lines kept
     * with it, a paragraph's first two lines) are; then {@code next} is the first item after
     * them, and {@code kept} tells which case it is.
     */
    record Fill(int start, int end, int next, double used, boolean newPage, boolean stuck, boolean kept) {
        Fill(int start, int end, int next, double used, boolean newPage, boolean stuck) {
            this(start, end, next, used, newPage, stuck, false);
        }
    }

    private ColumnFiller() {
    }

    static Fill fill(List<VItem> items, int from, double height) {
        int start = skipDiscardable(items, from);
        double y = 0;
        int breakAt = -1;
        double breakUsed = 0;
        for (int i = start; i < items.size(); i++) {
            VItem item = items.get(i);
            switch (item) {
                case VItem.VPenalty p -> {
                    if (p.page() || p.cost() <= -VItem.INFINITY) {
                        return new Fill(start, i, i + 1, y, p.page(), false);
                    }
                    if (p.cost() < VItem.INFINITY) {
                        breakAt = i;
                        breakUsed = y;
                    }
                }
                case VItem.VGlue g -> {
                    if (i > start && items.get(i - 1) instanceof VItem.VBox) {
                        breakAt = i;
                        breakUsed = y;
                    }
                    y += g.height();
                }
                case VItem.VBox b -> {
                    if (y + b.height() > height + EPSILON) {
                        if (i == start) {
                            return new Fill(start, start, start + 1, 0, false, true);
                        }
                        if (breakAt >= 0) {
                            return new Fill(start, breakAt, breakAt + 1, breakUsed, false, false);
                        }
                        // Nothing may break before this box: the rules that keep things together
                        // are never relaxed. The whole group moves on, or is an error.
                        return new Fill(start, start, nextBreak(items, i), 0, false, true, true);
                    }
                    y += b.height();
                }
                case VItem.VColumns c -> throw new IllegalStateException("columns are flowed by the page composer");
                case VItem.VFixedPage f -> throw new IllegalStateException("fixed pages are placed by the page composer");
            }
        }
        return new Fill(start, items.size(), items.size(), y, false, false);
    }

    /** The first legal breakpoint at or after {@code from}, or the end of the list. */
    private static int nextBreak(List<VItem> items, int from) {
        for (int i = from; i < items.size(); i++) {
            VItem item = items.get(i);
            if (item instanceof VItem.VPenalty p && p.cost() < VItem.INFINITY
                    || item instanceof VItem.VGlue && i > 0 && items.get(i - 1) instanceof VItem.VBox) {
                return i;
            }
        }
        return items.size();
    }

    static int skipDiscardable(List<VItem> items, int from) {
        int i = from;
        while (i < items.size() && (items.get(i) instanceof VItem.VGlue
                || items.get(i) instanceof VItem.VPenalty p && !p.page() && p.cost() > -VItem.INFINITY)) {
            i++;
        }
        return i;
    }

    /** Fills up to {@code columns} columns of {@code height}, stopping at a page break. */
    static List<Fill> fillColumns(List<VItem> items, int from, int columns, double height) {
        List<Fill> fills = new ArrayList<>();
        int next = from;
        for (int c = 0; c < columns; c++) {
            Fill f = fill(items, next, height);
            fills.add(f);
            next = f.next();
            if (f.stuck() || f.newPage() || next >= items.size()) {
                break;
            }
        }
        return fills;
    }

    static boolean fitsAll(List<Fill> fills, int size) {
        Fill last = fills.getLast();
        return !last.stuck() && last.next() >= size;
    }

    /** The lowest column height (to 0.5pt) at which the rest of the list fits in {@code columns}. */
    static double balance(List<VItem> items, int from, int columns, double maxHeight) {
        double low = 0;
        double high = maxHeight;
        for (int i = from; i < items.size(); i++) {
            if (items.get(i) instanceof VItem.VBox b) {
                low = Math.max(low, b.height());
            }
        }
        if (low >= high) {
            return high;
        }
        while (high - low > 0.5) {
            double mid = (low + high) / 2;
            List<Fill> fills = fillColumns(items, from, columns, mid);
            if (fitsAll(fills, items.size()) && fills.stream().noneMatch(Fill::newPage)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /** Columns inside a box: balanced over the height they need, set side by side. */
    static VItem.VBox balancedBox(VItem.VColumns c, Function<VItem.VColumns, VItem.VBox> nested) {
        List<VItem> flat = new ArrayList<>();
        for (VItem v : c.items()) {
            flat.add(v instanceof VItem.VColumns inner ? nested.apply(inner) : v);
        }
        flat.removeIf(v -> v instanceof VItem.VFixedPage);
        double total = 0;
        for (VItem v : flat) {
            total += v instanceof VItem.VBox b ? b.height() : v instanceof VItem.VGlue g ? g.height() : 0;
        }
        double height = balance(flat, 0, c.count(), Math.max(total, 1));
        List<Fill> fills = fillColumns(flat, 0, c.count(), height);
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double used = 0;
        for (int col = 0; col < fills.size(); col++) {
            Fill f = fills.get(col);
            double x = col * (c.columnWidth() + c.gap());
            double y = 0;
            for (int i = f.start(); i < f.end(); i++) {
                VItem v = flat.get(i);
                if (v instanceof VItem.VBox b) {
                    VItem.VBox placed = b.moved(x, y);
                    items.addAll(placed.items());
                    markers.addAll(placed.markers());
                    y += b.height();
                } else if (v instanceof VItem.VGlue g) {
                    y += g.height();
                }
            }
            used = Math.max(used, f.used());
        }
        return new VItem.VBox(used, items, markers, Double.NaN, c.where());
    }
}
