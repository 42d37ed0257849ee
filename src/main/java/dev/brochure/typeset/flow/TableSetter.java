package dev.brochure.typeset.flow;

import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Block.CellAlign;
import dev.brochure.layout.tree.Block.Table;
import dev.brochure.layout.tree.Inline;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.TextStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a table into the vertical list: its head rows as one box, then its body as one box per
 * run of rows that spans tie together, with penalties between them (a break is forbidden after
 * the head, inside a group that keeps together, after a group's first row and before its last). Each body box
 * carries the head box, which the column filler repeats at the top of every further column.
 *
 * <p>Column widths: a given length or percentage; a share ({@code 2*}) of what fixed and
 * content-sized columns leave; or, for {@code auto} columns, from the content: each gets its
 * widest unbroken line when they all fit, else its widest word plus a share of the rest in
 * proportion to what it would have liked; with no share columns, autos take the table's width.
 * Figures in {@code numeric} columns line up on their decimal point, flush right as a block.
 */
final class TableSetter {

    private final BlockBuilder builder;
    private final TextSetter text;

    TableSetter(BlockBuilder builder, TextSetter text) {
        this.builder = builder;
        this.text = text;
    }

    /** A cell at its place in the grid: its first row and column (rows counted across head and body). */
    private record Placed(Table.TableCell cell, int row, int column, int rowspan, boolean head) {
    }

    /** The extent of the widest figure's parts before and after the decimal point in a numeric column. */
    private static final class Decimal {
        double before;
        double after;
    }

    List<VItem> table(Table t, double available) {
        double width = Math.min(available, t.width().resolve(available));
        int columns = t.columns().size();
        List<Table.TableRow> rows = new ArrayList<>(t.head());
        List<Integer> groupOf = new ArrayList<>();
        List<Boolean> groupStart = new ArrayList<>();
        t.head().forEach(r -> {
            groupOf.add(-1);
            groupStart.add(false);
        });
        for (int g = 0; g < t.body().size(); g++) {
            List<Table.TableRow> group = t.body().get(g).rows();
            for (int r = 0; r < group.size(); r++) {
                rows.add(group.get(r));
                groupOf.add(g);
                groupStart.add(r == 0);
            }
        }
        int headRows = t.head().size();
        List<Placed> cells = place(rows, headRows, columns);
        double[] widths = widths(t, cells, width);
        double[] x = new double[columns + 1];
        for (int c = 0; c < columns; c++) {
            x[c + 1] = x[c] + widths[c];
        }
        Decimal[] decimals = decimals(t, cells, widths);

        // Each cell set in its width; row heights from the cells that span one row, then grown
        // (the last row of a span) where a spanning cell needs more.
        List<VItem.VBox> boxes = new ArrayList<>();
        double[] heights = new double[rows.size()];
        for (Placed p : cells) {
            VItem.VBox box = cellBox(t, p, x[p.column() + Math.min(p.cell().colspan(), columns - p.column())]
                    - x[p.column()], decimals[p.column()]);
            boxes.add(box);
            if (p.rowspan() == 1) {
                heights[p.row()] = Math.max(heights[p.row()], box.height());
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            Placed p = cells.get(i);
            if (p.rowspan() > 1) {
                double spanned = 0;
                for (int r = p.row(); r < p.row() + p.rowspan(); r++) {
                    spanned += heights[r];
                }
                int last = p.row() + p.rowspan() - 1;
                heights[last] += Math.max(0, boxes.get(i).height() - spanned);
            }
        }
        double[] top = new double[rows.size() + 1];
        for (int r = 0; r < rows.size(); r++) {
            top[r + 1] = top[r] + heights[r];
        }

        int[][] owner = new int[rows.size()][columns];
        for (int[] row : owner) {
            java.util.Arrays.fill(row, -1);
        }
        for (int i = 0; i < cells.size(); i++) {
            Placed p = cells.get(i);
            for (int r = p.row(); r < p.row() + p.rowspan(); r++) {
                for (int c = p.column(); c < Math.min(columns, p.column() + p.cell().colspan()); c++) {
                    owner[r][c] = i;
                }
            }
        }

        // Runs of rows tied by row spans: a row ends a run unless a cell spans past it.
        boolean[] tiedToNext = new boolean[rows.size()];
        for (Placed p : cells) {
            for (int r = p.row(); r < p.row() + p.rowspan() - 1; r++) {
                tiedToNext[r] = true;
            }
        }

        List<VItem> out = new ArrayList<>();
        VItem.VBox head = null;
        if (headRows > 0) {
            head = rowsBox(t, cells, owner, boxes, 0, headRows, top, x, width, true);
            out.add(head);
        }
        VItem.VBox repeat = t.repeatHead() ? head : null;
        int start = headRows;
        while (start < rows.size()) {
            int end = start;
            while (tiedToNext[end] && end + 1 < rows.size()) {
                end++;
            }
            end++;
            if (!out.isEmpty()) {
                out.add(breakBefore(t, groupOf, groupStart, start, end, headRows));
            }
            VItem.VBox run = rowsBox(t, cells, owner, boxes, start, end, top, x, width, false);
            out.add(repeat == null ? run : run.withHeader(repeat));
            start = end;
        }
        return out;
    }

    /**
     * Whether the table may break before the run of body rows from {@code row} to {@code end}
     * (exclusive): not after the head, inside a group that keeps together, after a group's first
     * row, or before its last run (a total or a last row never stands alone on the next page).
     */
    private static VItem.VPenalty breakBefore(Table t, List<Integer> groupOf, List<Boolean> groupStart, int row,
            int end, int headRows) {
        if (row == headRows) {
            return VItem.VPenalty.forbid();
        }
        int group = groupOf.get(row);
        boolean sameGroup = group == groupOf.get(row - 1);
        boolean lastOfGroup = end == groupOf.size() || groupOf.get(end) != group;
        if (sameGroup && (t.body().get(group).keepTogether() || groupStart.get(row - 1) || lastOfGroup)) {
            return VItem.VPenalty.forbid();
        }
        return VItem.VPenalty.allow();
    }

    /**
     * Where each cell sits: rows fill their columns left to right, skipping columns that a cell
     * from a row above still spans. Spans end with the head, and with the table.
     */
    private static List<Placed> place(List<Table.TableRow> rows, int headRows, int columns) {
        List<Placed> out = new ArrayList<>();
        int[] busyUntil = new int[columns];
        for (int r = 0; r < rows.size(); r++) {
            int segmentEnd = r < headRows ? headRows : rows.size();
            int c = 0;
            for (Table.TableCell cell : rows.get(r).cells()) {
                while (c < columns && busyUntil[c] > r) {
                    c++;
                }
                if (c >= columns) {
                    break;
                }
                int span = Math.min(cell.colspan(), columns - c);
                int rowspan = Math.min(cell.rowspan(), segmentEnd - r);
                out.add(new Placed(cell, r, c, rowspan, r < headRows));
                for (int k = c; k < c + span; k++) {
                    busyUntil[k] = r + rowspan;
                }
                c += span;
            }
        }
        return out;
    }

    private CellAlign align(Table t, Placed p) {
        CellAlign a = p.cell().align() != null ? p.cell().align() : t.columns().get(p.column()).align();
        return a == CellAlign.NUMERIC && p.head() ? CellAlign.RIGHT : a;
    }

    /** A cell of inline text only: its one paragraph, else null. */
    private static Block.Paragraph onlyText(Table.TableCell cell) {
        return cell.blocks().size() == 1 && cell.blocks().getFirst() instanceof Block.Paragraph p ? p : null;
    }

    private double[] widths(Table t, List<Placed> cells, double width) {
        int n = t.columns().size();
        double[] out = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        Insets pad = t.padding();
        for (Placed p : cells) {
            Block.Paragraph only = onlyText(p.cell());
            // Only columns sized by their content (auto, and shares, which keep their widest word) are measured.
            if (p.cell().colspan() == 1 && only != null && t.columns().get(p.column()).width() == null) {
                double[] w = text.contentWidths(only.text(), only.style(), only.where());
                max[p.column()] = Math.max(max[p.column()], w[0] + pad.horizontal());
                min[p.column()] = Math.max(min[p.column()], w[1] + pad.horizontal());
            }
        }
        double left = width;
        double weights = 0;
        List<Integer> autos = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Table.Column col = t.columns().get(c);
            if (col.width() != null) {
                out[c] = col.width().resolve(width);
                left -= out[c];
            } else if (col.weight() > 0) {
                weights += col.weight();
                left -= min[c];
            } else {
                autos.add(c);
            }
        }
        double sumMax = 0;
        double sumMin = 0;
        for (int c : autos) {
            sumMax += max[c];
            sumMin += min[c];
        }
        if (sumMax <= left) {
            double extra = left - sumMax;
            for (int c : autos) {
                // Without share columns the autos take the whole width, each in proportion to its content.
                out[c] = max[c] + (weights > 0 ? 0 : sumMax > 0 ? extra * max[c] / sumMax : extra / autos.size());
            }
            left = weights > 0 ? extra : 0;
        } else {
            double room = Math.max(0, left - sumMin);
            for (int c : autos) {
                out[c] = min[c] + (sumMax > sumMin ? room * (max[c] - min[c]) / (sumMax - sumMin) : 0);
            }
            left = 0;
        }
        for (int c = 0; c < n; c++) {
            Table.Column col = t.columns().get(c);
            if (col.width() == null && col.weight() > 0) {
                out[c] = min[c] + Math.max(0, left) * col.weight() / weights;
            }
        }
        return out;
    }

    /** Per numeric column, the widest parts of its figures before and after the decimal point. */
    private Decimal[] decimals(Table t, List<Placed> cells, double[] widths) {
        Decimal[] out = new Decimal[t.columns().size()];
        for (Placed p : cells) {
            Block.Paragraph only = onlyText(p.cell());
            if (only == null || p.cell().colspan() != 1 || align(t, p) != CellAlign.NUMERIC) {
                continue;
            }
            double[] parts = decimalParts(only);
            Decimal d = out[p.column()] == null ? (out[p.column()] = new Decimal()) : out[p.column()];
            d.before = Math.max(d.before, parts[0]);
            d.after = Math.max(d.after, parts[1] - parts[0]);
        }
        return out;
    }

    /** The width of a figure up to its decimal point (its end, if it has none) and its full width. */
    private double[] decimalParts(Block.Paragraph p) {
        StringBuilder all = new StringBuilder();
        for (Inline i : p.text()) {
            all.append(i instanceof Inline.Run r ? r.text() : " ");
        }
        String s = all.toString().strip();
        int point = decimalPoint(s);
        double full = TextSetter.extent(text.label(p.text(), p.style(), Align.LEFT, 1e6, p.where()).getFirst());
        if (point >= s.length()) {
            return new double[] {full, full};
        }
        List<Inline> before = cut(p.text(), leadingSpace(all.toString()) + point);
        double w = before.isEmpty() ? 0
                : TextSetter.extent(text.label(before, p.style(), Align.LEFT, 1e6, p.where()).getFirst());
        return new double[] {w, full};
    }

    /** The index of a figure's decimal point: a '.' or '·' between digits, else after its last digit. */
    static int decimalPoint(String s) {
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '\u00B7') && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                return i;
            }
        }
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isDigit(s.charAt(i))) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The first {@code chars} characters of inline text, in their formatting. */
    private static List<Inline> cut(List<Inline> text, int chars) {
        List<Inline> out = new ArrayList<>();
        int left = chars;
        for (Inline i : text) {
            if (left <= 0) {
                break;
            }
            if (i instanceof Inline.Run r) {
                String part = r.text().substring(0, Math.min(left, r.text().length()));
                out.add(new Inline.Run(part, r.bold(), r.italic(), r.href(), r.color()));
                left -= part.length();
            } else {
                left--;
            }
        }
        return out;
    }

    /** A cell's content set in its width less the padding (not yet its row's height). */
    private VItem.VBox cellBox(Table t, Placed p, double width, Decimal decimal) {
        Insets pad = t.padding();
        double inner = Math.max(1, width - pad.horizontal());
        Block.Paragraph only = onlyText(p.cell());
        CellAlign align = align(t, p);
        VItem.VBox content;
        if (only != null && align == CellAlign.NUMERIC && decimal != null && p.cell().colspan() == 1) {
            double[] parts = decimalParts(only);
            double dx = Math.max(0, inner - decimal.after - parts[0]);
            content = text.label(only, 1e6).getFirst().moved(dx, 0);
        } else {
            List<Block> blocks = p.cell().blocks();
            if (only != null && only.align() == null) {
                Align a = switch (align) {
                    case LEFT -> Align.LEFT;
                    case CENTER -> Align.CENTER;
                    case RIGHT, NUMERIC -> Align.RIGHT;
                };
                blocks = List.of(new Block.Paragraph(only.style(), a, only.text(), only.where()));
            }
            content = builder.stacked(blocks, inner, p.cell().where());
        }
        return new VItem.VBox(content.height() + pad.vertical(), content.items(), content.markers(), content.baseline(),
                p.cell().where());
    }

    /** Rows {@code [from, to)} as one box: fills, rules, then each cell's content placed by its valign. */
    private VItem.VBox rowsBox(Table t, List<Placed> cells, int[][] owner, List<VItem.VBox> boxes, int from, int to,
            double[] top, double[] x, double width, boolean head) {
        double y0 = top[from];
        double height = top[to] - y0;
        int columns = t.columns().size();
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        // Every cell is filled with its own colour or its first row's stripe, over all the rows it
        // spans; grid places no cell covers take their row's stripe.
        for (int r = from; r < to; r++) {
            for (int c = 0; c < columns; c++) {
                int o = owner[r][c];
                if (o >= 0 && cells.get(o).row() != r) {
                    continue;
                }
                if (o >= 0 && cells.get(o).column() != c) {
                    continue;
                }
                Placed p = o >= 0 ? cells.get(o) : null;
                var fill = p != null && p.cell().fill() != null ? p.cell().fill() : rowFill(t, r, head);
                if (fill == null) {
                    continue;
                }
                int end = p == null ? c + 1 : Math.min(columns, c + p.cell().colspan());
                double bottom = p == null ? top[r + 1] : top[r + p.rowspan()];
                items.add(new PageItem.Box(new Rect(x[c], top[r] - y0, x[end] - x[c], bottom - top[r]), fill, null, 0, 0));
            }
        }
        if (t.rule() != null) {
            double w = t.ruleWidth();
            if (head) {
                items.add(new PageItem.Line(0, w, width, w, t.rule(), 2 * w));
                items.add(new PageItem.Line(0, height - w, width, height - w, t.rule(), 2 * w));
            } else {
                // Under each row, except across a cell that spans on into the next row.
                for (int r = from; r < to; r++) {
                    boolean last = r == top.length - 2;
                    double y = top[r + 1] - y0 - (last ? w : w / 2);
                    int c = 0;
                    while (c < columns) {
                        if (!endsAt(cells, owner[r][c], r)) {
                            c++;
                            continue;
                        }
                        int end = c;
                        while (end < columns && endsAt(cells, owner[r][end], r)) {
                            end++;
                        }
                        items.add(new PageItem.Line(x[c], y, end == columns ? width : x[end], y, t.rule(),
                                last ? 2 * w : w));
                        c = end;
                    }
                }
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            Placed p = cells.get(i);
            if (p.row() < from || p.row() >= to) {
                continue;
            }
            VItem.VBox box = boxes.get(i);
            double cellHeight = top[p.row() + p.rowspan()] - top[p.row()];
            double free = cellHeight - box.height();
            double dy = switch (p.cell().valign()) {
                case TOP -> 0;
                case MIDDLE -> free / 2;
                case BOTTOM -> free;
            };
            VItem.VBox placed = box.moved(x[p.column()] + t.padding().left(), top[p.row()] - y0 + t.padding().top() + dy);
            items.addAll(placed.items());
            markers.addAll(placed.markers());
        }
        return new VItem.VBox(height, items, markers, Double.NaN, t.where()).withKind(head ? "table head" : "table row");
    }

    /** Whether the cell {@code owner} (-1: none) covering a grid place ends with row {@code row}. */
    private static boolean endsAt(List<Placed> cells, int owner, int row) {
        return owner < 0 || cells.get(owner).row() + cells.get(owner).rowspan() - 1 == row;
    }

    /** A row's fill: the head's, or every other body row's stripe (the first one striped), or none. */
    private static dev.brochure.vocab.Rgb rowFill(Table t, int row, boolean head) {
        if (head) {
            return t.headFill();
        }
        return t.zebra() != null && (row - t.head().size()) % 2 == 0 ? t.zebra() : null;
    }
}
