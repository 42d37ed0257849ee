package dev.brochure.typeset.flow;

import dev.brochure.layout.tree.Block;

/** Shares a row's width among its cells: fixed widths first, the rest by weight, minus the gaps. */
final class RowWidths {

    private RowWidths() {
    }

    static double[] of(Block.Row row, double width) {
        int n = row.cells().size();
        double[] widths = new double[n];
        double free = width - row.gap() * (n - 1);
        double weights = 0;
        for (int i = 0; i < n; i++) {
            Block.Cell cell = row.cells().get(i);
            if (cell.width() != null) {
                widths[i] = cell.width().resolve(width);
                free -= widths[i];
            } else {
                weights += Math.max(0, cell.weight());
            }
        }
        for (int i = 0; i < n; i++) {
            Block.Cell cell = row.cells().get(i);
            if (cell.width() == null) {
                widths[i] = weights <= 0 ? 0 : Math.max(0, free) * Math.max(0, cell.weight()) / weights;
            }
        }
        return widths;
    }
}
