package dev.brochure.typeset.flow;

import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows whose cells break side by side ({@code <row split="true">}): the whole rest of such a
 * row as one box, or the part of it that fits a height, each cell cut at its own last legal
 * breakpoint (so a cell's paragraphs keep their widow, orphan and heading rules). A cell that
 * holds something that grows (an equal-height row's lone photo, anything marked to grow) and
 * ends in the part set grows to the part's height; a whole rest can grow further at a page's foot.
 */
final class SplitRows {

    /** The part of a row that fits, and what is left of the row (null when nothing is). */
    record Slice(VItem.VBox part, VItem.VSplitRow rest) {
    }

    private SplitRows() {
    }

    /** What is left of the row, set as one box, its cells side by side. */
    static VItem.VBox whole(VItem.VSplitRow row) {
        return whole(row, 0);
    }

    private static VItem.VBox whole(VItem.VSplitRow row, double minHeight) {
        List<VItem.VBox> cells = new ArrayList<>();
        for (int c = 0; c < row.cells().size(); c++) {
            List<VItem> cell = row.cells().get(c);
            int from = ColumnFiller.skipDiscardable(cell, row.from()[c]);
            cells.add(Stacker.stack(cell.subList(from, cell.size()), row.where(), SplitRows::unexpected));
        }
        boolean[] ended = new boolean[cells.size()];
        java.util.Arrays.fill(ended, true);
        VItem.VBox box = sideBySide(row, cells, ended, minHeight);
        double weight = 0;
        boolean ink = false;
        for (VItem.VBox cell : cells) {
            if (cell.grow() != null) {
                weight = Math.max(weight, cell.grow().weight());
                ink |= cell.grow().ink();
            }
        }
        if (weight <= 0) {
            return box;
        }
        double height = box.height();
        return box.withGrow(new VItem.Grow(weight, ink, extra -> whole(row, height + extra)));
    }

    /**
     * Cells side by side, the row at least {@code minHeight} tall; a cell that {@code ended}
     * in this part and can grow grows to the row's height.
     */
    private static VItem.VBox sideBySide(VItem.VSplitRow row, List<VItem.VBox> cells, boolean[] ended,
            double minHeight) {
        double height = minHeight;
        for (VItem.VBox cell : cells) {
            height = Math.max(height, cell.height());
        }
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double baseline = Double.NaN;
        for (int c = 0; c < cells.size(); c++) {
            VItem.VBox cell = cells.get(c);
            if (ended[c] && cell.grow() != null && height - cell.height() > 0.01) {
                cell = cell.grow().taller().apply(height - cell.height());
            }
            VItem.VBox placed = cell.moved(row.x()[c], 0);
            items.addAll(placed.items());
            markers.addAll(placed.markers());
            if (c == 0) {
                baseline = cell.baseline();
            }
        }
        return new VItem.VBox(height, items, markers, baseline, row.where()).withKind("row");
    }

    /**
     * The part of the row that fits in {@code height}, or null when it cannot be cut there: a
     * cell's next box, or the group it must stay with, does not fit.
     */
    static Slice slice(VItem.VSplitRow row, double height) {
        int n = row.cells().size();
        int[] next = new int[n];
        List<VItem.VBox> parts = new ArrayList<>();
        boolean[] ended = new boolean[n];
        boolean rest = false;
        boolean any = false;
        for (int c = 0; c < n; c++) {
            List<VItem> cell = row.cells().get(c);
            int from = ColumnFiller.skipDiscardable(cell, row.from()[c]);
            if (from >= cell.size()) {
                next[c] = cell.size();
                parts.add(new VItem.VBox(0, List.of(), List.of(), Double.NaN, row.where()));
                continue;
            }
            ColumnFiller.Fill fill = ColumnFiller.fill(cell, from, height);
            if (fill.stuck()) {
                return null;
            }
            VItem.VBox part = Stacker.stack(cell.subList(fill.start(), fill.end()), row.where(), SplitRows::unexpected);
            any |= part.visible();
            parts.add(part);
            next[c] = fill.next();
            ended[c] = ColumnFiller.skipDiscardable(cell, fill.next()) >= cell.size();
            rest |= !ended[c];
        }
        if (!any) {
            return null;
        }
        VItem.VBox part = sideBySide(row, parts, ended, 0);
        return new Slice(part, rest ? new VItem.VSplitRow(row.cells(), next, row.x(), row.where()) : null);
    }

    private static VItem.VBox unexpected(VItem.VColumns c) {
        throw new IllegalStateException("the cells of a split row hold balanced columns only");
    }
}
