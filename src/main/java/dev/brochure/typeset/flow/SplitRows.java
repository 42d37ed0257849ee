package dev.brochure.typeset.flow;

import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows whose cells break side by side ({@code <row split="true">}): the whole rest of such a
 * row as one box, or the part of it that fits a height, each cell cut at its own last legal
 * breakpoint (so a cell's paragraphs keep their widow, orphan and heading rules).
 */
final class SplitRows {

    /** The part of a row that fits, and what is left of the row (null when nothing is). */
    record Slice(VItem.VBox part, VItem.VSplitRow rest) {
    }

    private SplitRows() {
    }

    /** What is left of the row, set as one box, its cells side by side. */
    static VItem.VBox whole(VItem.VSplitRow row) {
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double height = 0;
        double baseline = Double.NaN;
        for (int c = 0; c < row.cells().size(); c++) {
            List<VItem> cell = row.cells().get(c);
            int from = ColumnFiller.skipDiscardable(cell, row.from()[c]);
            VItem.VBox stacked = Stacker.stack(cell.subList(from, cell.size()), row.where(), SplitRows::unexpected);
            VItem.VBox placed = stacked.moved(row.x()[c], 0);
            items.addAll(placed.items());
            markers.addAll(placed.markers());
            height = Math.max(height, stacked.height());
            if (c == 0) {
                baseline = stacked.baseline();
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
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double used = 0;
        boolean rest = false;
        boolean any = false;
        for (int c = 0; c < n; c++) {
            List<VItem> cell = row.cells().get(c);
            int from = ColumnFiller.skipDiscardable(cell, row.from()[c]);
            if (from >= cell.size()) {
                next[c] = cell.size();
                continue;
            }
            ColumnFiller.Fill fill = ColumnFiller.fill(cell, from, height);
            if (fill.stuck()) {
                return null;
            }
            double y = 0;
            for (int i = fill.start(); i < fill.end(); i++) {
                if (cell.get(i) instanceof VItem.VBox b) {
                    VItem.VBox placed = b.moved(row.x()[c], y);
                    items.addAll(placed.items());
                    markers.addAll(placed.markers());
                    y += b.height();
                    any |= b.visible();
                } else if (cell.get(i) instanceof VItem.VGlue g) {
                    y += g.height();
                }
            }
            used = Math.max(used, fill.used());
            next[c] = fill.next();
            rest |= ColumnFiller.skipDiscardable(cell, fill.next()) < cell.size();
        }
        if (!any) {
            return null;
        }
        VItem.VBox part = new VItem.VBox(used, items, markers, Double.NaN, row.where()).withKind("row");
        return new Slice(part, rest ? new VItem.VSplitRow(row.cells(), next, row.x(), row.where()) : null);
    }

    private static VItem.VBox unexpected(VItem.VColumns c) {
        throw new IllegalStateException("the cells of a split row hold balanced columns only");
    }
}
