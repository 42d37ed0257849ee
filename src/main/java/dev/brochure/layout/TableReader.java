package dev.brochure.layout;

import dev.brochure.layout.Markup.Element;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Block.CellAlign;
import dev.brochure.layout.tree.Block.Table;
import dev.brochure.layout.tree.VAlign;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code <table>}: {@code <col>}s, a {@code <head>} of rows, and body rows ({@code <tr>})
 * alone or in {@code <group>}s, each row of {@code <td>} cells (or {@code <th>}, set in the
 * head style) holding inline text or blocks. Checks that spans fit the columns.
 */
final class TableReader {

    private static final int MAX_SPAN = 50;

    private final BlockReader blocks;
    private final AttributeReader attrs;

    TableReader(BlockReader blocks, AttributeReader attrs) {
        this.blocks = blocks;
        this.attrs = attrs;
    }

    Block table(Element e, SourceLocation where) {
        attrs.only(e, List.of("width", "style", "head-style", "padding", "zebra", "head-fill", "rule", "rule-width",
                "repeat-head"));
        TextStyle style = attrs.style(e, "style", "table-cell");
        TextStyle headStyle = attrs.style(e, "head-style", "table-head");
        List<Table.Column> columns = new ArrayList<>();
        List<Table.TableRow> head = new ArrayList<>();
        List<Table.RowGroup> body = new ArrayList<>();
        for (Element child : e.elements()) {
            switch (child.name()) {
                case "col" -> columns.add(column(child));
                case "head" -> {
                    attrs.only(child, List.of());
                    if (!head.isEmpty()) {
                        attrs.error(child, "a <table> has one <head>", "put all header rows in the first <head>");
                    }
                    for (Element tr : rowsOf(child)) {
                        head.add(row(tr, headStyle, headStyle));
                    }
                }
                case "group" -> {
                    attrs.only(child, List.of("keep-together"));
                    List<Table.TableRow> rows = new ArrayList<>();
                    for (Element tr : rowsOf(child)) {
                        rows.add(row(tr, style, headStyle));
                    }
                    if (rows.isEmpty()) {
                        attrs.error(child, "<group> has no <tr>", null);
                    } else {
                        body.add(new Table.RowGroup(rows, attrs.flag(child, "keep-together", false)));
                    }
                }
                case "tr" -> body.add(new Table.RowGroup(List.of(row(child, style, headStyle)), false));
                default -> attrs.error(child, "a <table> holds <col>, <head>, <group> and <tr> elements",
                        dev.brochure.diag.Suggestions.hint(child.name(), List.of("col", "head", "group", "tr")));
            }
        }
        if (head.isEmpty() && body.isEmpty()) {
            attrs.error(e, "<table> has no rows", "write rows as <tr><td>...</td></tr>");
        }
        columns = checkedColumns(e, columns, head, body);
        return new Table(columns, head, body, attrs.length(e, "width", Length.FULL), style, headStyle,
                attrs.insets(e, "padding", new Insets(3, 4, 3, 4)), attrs.color(e, "zebra", null),
                attrs.color(e, "head-fill", null), attrs.color(e, "rule", null), attrs.points(e, "rule-width", 0.5),
                attrs.flag(e, "repeat-head", true), where);
    }

    private List<Element> rowsOf(Element parent) {
        List<Element> rows = new ArrayList<>();
        for (Element tr : parent.elements()) {
            if (tr.name().equals("tr")) {
                rows.add(tr);
            } else {
                attrs.error(tr, "a <" + parent.name() + "> holds only <tr> rows", "wrap the cells in <tr>...</tr>");
            }
        }
        return rows;
    }

    /** {@code width}: {@code auto} (from the content, the default), {@code 2*} (a share), or a length. */
    private Table.Column column(Element e) {
        attrs.only(e, List.of("width", "align"));
        CellAlign align = attrs.cellAlign(e, "align", CellAlign.LEFT);
        Optional<String> width = attrs.string(e, "width");
        if (width.isEmpty() || width.get().isEmpty() || width.get().equals("auto")) {
            return new Table.Column(null, 0, align);
        }
        String w = width.get();
        if (w.endsWith("*")) {
            String n = w.substring(0, w.length() - 1).trim();
            try {
                double weight = n.isEmpty() ? 1 : Double.parseDouble(n);
                if (weight > 0 && Double.isFinite(weight)) {
                    return new Table.Column(null, weight, align);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            attrs.error(e, "width='" + w + "' is not a share", "write 1*, 2* ... (a share of the width left over)");
            return new Table.Column(null, 1, align);
        }
        return new Table.Column(attrs.length(e, "width", null), 0, align);
    }

    private Table.TableRow row(Element tr, TextStyle style, TextStyle headStyle) {
        attrs.only(tr, List.of());
        List<Table.TableCell> cells = new ArrayList<>();
        for (Element td : tr.elements()) {
            if (!td.name().equals("td") && !td.name().equals("th")) {
                attrs.error(td, "a <tr> holds only <td> and <th> cells", "wrap the content in <td>...</td>");
                continue;
            }
            attrs.only(td, List.of("colspan", "rowspan", "align", "valign", "fill"));
            CellAlign align = attrs.cellAlign(td, "align", null);
            TextStyle cellStyle = td.name().equals("th") ? headStyle : style;
            Align paragraphAlign = align == null ? null : switch (align) {
                case LEFT -> Align.LEFT;
                case CENTER -> Align.CENTER;
                case RIGHT, NUMERIC -> Align.RIGHT;
            };
            cells.add(new Table.TableCell(attrs.integer(td, "colspan", 1, 1, MAX_SPAN),
                    attrs.integer(td, "rowspan", 1, 1, MAX_SPAN), align, attrs.valign(td, "valign", VAlign.TOP),
                    attrs.color(td, "fill", null), blocks.flowOrInline(td, cellStyle, paragraphAlign),
                    blocks.origin(td)));
        }
        if (cells.isEmpty()) {
            attrs.error(tr, "<tr> has no cells", null);
        }
        return new Table.TableRow(cells, blocks.origin(tr));
    }

    /**
     * The columns: as given, or (without {@code <col>}) as many automatic ones as the widest row
     * needs. A row that, with its spans and the rows spanning into it, needs more columns than
     * the table has is an error.
     */
    private List<Table.Column> checkedColumns(Element e, List<Table.Column> given, List<Table.TableRow> head,
            List<Table.RowGroup> body) {
        List<Table.TableRow> all = new ArrayList<>(head);
        body.forEach(g -> all.addAll(g.rows()));
        int needed = 0;
        int[] spanning = new int[0];
        for (int r = 0; r < all.size(); r++) {
            if (r == head.size()) {
                spanning = new int[0];
            }
            int width = 0;
            int col = 0;
            for (Table.TableCell cell : all.get(r).cells()) {
                while (col < spanning.length && spanning[col] > 0) {
                    col++;
                }
                col += cell.colspan();
            }
            width = Math.max(col, spanning.length);
            needed = Math.max(needed, width);
            int[] next = new int[Math.max(spanning.length, width)];
            for (int c = 0; c < spanning.length; c++) {
                next[c] = Math.max(0, spanning[c] - 1);
            }
            col = 0;
            for (Table.TableCell cell : all.get(r).cells()) {
                while (col < spanning.length && spanning[col] > 0) {
                    col++;
                }
                for (int k = 0; k < cell.colspan() && col + k < next.length; k++) {
                    next[col + k] = cell.rowspan() - 1;
                }
                col += cell.colspan();
            }
            spanning = next;
        }
        if (given.isEmpty()) {
            List<Table.Column> auto = new ArrayList<>();
            for (int i = 0; i < needed; i++) {
                auto.add(new Table.Column(null, 0, CellAlign.LEFT));
            }
            return auto;
        }
        if (needed > given.size()) {
            attrs.error(e, "a row of the <table> needs " + needed + " columns but the table has " + given.size()
                    + " <col>s", "add <col> elements, or reduce the colspan of the widest row");
        }
        return given;
    }
}
