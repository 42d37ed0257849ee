package dev.brochure.typeset.flow;

import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides how much of a vertical list goes into one column: as much as fits, ending at the last
 * legal breakpoint (glue after a box, or a penalty below infinity). Glue vanishes at a column's
 * top. Also balances columns: the lowest height at which the list fits in n columns.
 *
 * <p>Two rules hold beyond the penalties: a column never holds a single line of a paragraph
 * that goes on in the next column (a lone line at a column's head and foot at once, which no
 * widow or orphan penalty sees), and a box that carries a {@code header} (a table row) starts a
 * column below that header. A row whose cells may split ({@link VItem.VSplitRow}) that does not
 * fit is cut where every cell can break: the part that fits stays, the rest goes on.
 */
final class ColumnFiller {

    private static final double EPSILON = 0.01;

    /**
     * The part of the list in one column: items {@code [start, end)}; the next column continues
     * at {@code next}. {@code used} is the height taken; {@code newPage} is set when the column
     * ended at a page break. {@code stuck} means nothing fits: the first box is taller than the
     * column, or the boxes from the top that must stay together (a heading and the lines kept
     * with it, a paragraph's first two lines) are; then {@code next} is the first item after
     * them, and {@code kept} tells which case it is. {@code header} is set above the column's
     * items (null for none); {@code used} includes it.
     */
    record Fill(int start, int end, int next, double used, boolean newPage, boolean stuck, boolean kept,
            VItem.VBox header) {
        Fill(int start, int end, int next, double used, boolean newPage, boolean stuck) {
            this(start, end, next, used, newPage, stuck, false, null);
        }
    }

    /**
     * Columns filled from a list, and the list they index: the list given, except that rows
     * that were split are replaced by the part placed and the rest (so it may be longer).
     */
    record Filled(List<Fill> fills, List<VItem> items) {
        Fill last() {
            return fills.getLast();
        }

        boolean fitsAll() {
            return !last().stuck() && last().next() >= items.size();
        }

        boolean anyNewPage() {
            return fills.stream().anyMatch(Fill::newPage);
        }
    }

    private ColumnFiller() {
    }

    /**
     * One column from {@code from}. A split row that does not fit whole is cut: {@code items}
     * (which must then be modifiable) gets the part that fits at its place and the rest after it.
     */
    static Fill fill(List<VItem> items, int from, double height) {
        int start = skipDiscardable(items, from);
        VItem.VBox header = start < items.size() && items.get(start) instanceof VItem.VBox b ? b.header() : null;
        double top = header == null ? 0 : header.height();
        double y = top;
        int breakAt = -1;
        double breakUsed = 0;
        int visible = 0;
        VItem.VBox firstVisible = null;
        for (int i = start; i < items.size(); i++) {
            VItem item = items.get(i);
            switch (item) {
                case VItem.VPenalty p -> {
                    if (p.page() || p.cost() <= -VItem.INFINITY) {
                        return new Fill(start, i, i + 1, y, p.page(), false, false, header);
                    }
                    if (p.cost() < VItem.INFINITY && !loneLine(visible, firstVisible)) {
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
                            return new Fill(start, start, start + 1, 0, false, true, false, header);
                        }
                        if (breakAt >= 0) {
                            return new Fill(start, breakAt, breakAt + 1, breakUsed, false, false, false, header);
                        }
                        // Nothing may break before this box: the rules that keep things together
                        // are never relaxed. The whole group moves on, or is an error.
                        return new Fill(start, start, nextBreak(items, i), 0, false, true, true, header);
                    }
                    y += b.height();
                    if (b.visible()) {
                        visible++;
                        firstVisible = firstVisible == null ? b : firstVisible;
                    }
                }
                case VItem.VSplitRow r -> {
                    VItem.VBox whole = SplitRows.whole(r);
                    if (y + whole.height() <= height + EPSILON) {
                        items.set(i, whole);
                        y += whole.height();
                        visible++;
                        firstVisible = firstVisible == null ? whole : firstVisible;
                        continue;
                    }
                    SplitRows.Slice slice = SplitRows.slice(r, height - y);
                    if (slice != null) {
                        items.set(i, slice.part());
                        if (slice.rest() != null) {
                            items.add(i + 1, slice.rest());
                        }
                        return new Fill(start, i + 1, i + 1, y + slice.part().height(), false, false, false, header);
                    }
                    if (i == start) {
                        return new Fill(start, start, start + 1, 0, false, true, false, header);
                    }
                    if (breakAt >= 0) {
                        return new Fill(start, breakAt, breakAt + 1, breakUsed, false, false, false, header);
                    }
                    return new Fill(start, start, nextBreak(items, i), 0, false, true, true, header);
                }
                case VItem.VColumns c -> throw new IllegalStateException("columns are flowed by the page composer");
                case VItem.VFixedPage f -> throw new IllegalStateException("fixed pages are placed by the page composer");
            }
        }
        return new Fill(start, items.size(), items.size(), y, false, false, false, header);
    }

    /**
     * Whether breaking here would leave a single line of a paragraph alone in the column while
     * its paragraph goes on after the break: the column so far is that one line.
     */
    private static boolean loneLine(int visible, VItem.VBox first) {
        return visible == 1 && first.line() != null && !first.line().heading()
                && first.line().index() < first.line().count() - 1;
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

    /**
     * Fills up to {@code columns} columns of {@code height}, stopping at a page break. Works on
     * a copy of {@code items}: split rows are cut in the copy, which the result carries.
     */
    static Filled fillColumns(List<VItem> items, int from, int columns, double height) {
        List<VItem> work = new ArrayList<>(items);
        List<Fill> fills = new ArrayList<>();
        int next = from;
        for (int c = 0; c < columns; c++) {
            Fill f = fill(work, next, height);
            fills.add(f);
            next = f.next();
            if (f.stuck() || f.newPage() || next >= work.size()) {
                break;
            }
        }
        return new Filled(fills, work);
    }

    /** The lowest column height (to 0.5pt) at which the rest of the list fits in {@code columns}. */
    static double balance(List<VItem> items, int from, int columns, double maxHeight) {
        double low = 0;
        double high = maxHeight;
        for (int i = from; i < items.size(); i++) {
            if (items.get(i) instanceof VItem.VBox b) {
                low = Math.max(low, b.height() + (b.header() == null ? 0 : b.header().height()));
            }
        }
        if (low >= high) {
            return high;
        }
        while (high - low > 0.5) {
            double mid = (low + high) / 2;
            Filled filled = fillColumns(items, from, columns, mid);
            if (filled.fitsAll() && !filled.anyNewPage()) {
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
            flat.add(switch (v) {
                case VItem.VColumns inner -> nested.apply(inner);
                case VItem.VSplitRow r -> SplitRows.whole(r);
                default -> v;
            });
        }
        flat.removeIf(v -> v instanceof VItem.VFixedPage);
        double total = 0;
        for (VItem v : flat) {
            total += v instanceof VItem.VBox b ? b.height() : v instanceof VItem.VGlue g ? g.height() : 0;
        }
        double height = balance(flat, 0, c.count(), Math.max(total, 1));
        Filled filled = fillColumns(flat, 0, c.count(), height);
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double used = 0;
        for (int col = 0; col < filled.fills().size(); col++) {
            Fill f = filled.fills().get(col);
            double x = col * (c.columnWidth() + c.gap());
            double y = 0;
            if (f.header() != null) {
                VItem.VBox placed = f.header().moved(x, 0);
                items.addAll(placed.items());
                y += f.header().height();
            }
            for (int i = f.start(); i < f.end(); i++) {
                VItem v = filled.items().get(i);
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
