package dev.brochure.typeset.flow;

import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Block;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The vertical list blocks become before they are distributed over columns and pages, after
 * TeX: boxes (unbreakable, of fixed height), glue (space that vanishes at a column's top or
 * foot) and penalties (where a column may, may not, or must end).
 */
sealed interface VItem {

    double INFINITY = 10_000;

    /**
     * A box {@code height} tall whose items are relative to its top-left corner. {@code baseline}
     * is its first baseline from the top (NaN if it has no text), for hanging list markers.
     * {@code items} of a line box hold that line's {@link PageItem.TextLine}; {@code line} says
     * which line of which paragraph the box is, if it is one (else null).
     * {@code header} is a box set at the top of a column before this one when this one starts the
     * column (a table's head rows; else null). {@code grow} says how the box can be made taller to
     * take up space left at the foot of its page (null: it cannot). {@code kind} names the layout
     * element the box was made from, for messages (null for lines and other parts of blocks).
     */
    record VBox(double height, List<PageItem> items, List<Marker> markers, double baseline, SourceLocation where,
            TextLine line, VBox header, Grow grow, String kind) implements VItem {
        public VBox {
            items = List.copyOf(items);
            markers = List.copyOf(markers);
        }

        VBox(double height, List<PageItem> items, List<Marker> markers, double baseline, SourceLocation where) {
            this(height, items, markers, baseline, where, null, null, null, null);
        }

        VBox(double height, List<PageItem> items, List<Marker> markers, double baseline, SourceLocation where,
                TextLine line) {
            this(height, items, markers, baseline, where, line, null, null, null);
        }

        VBox moved(double dx, double dy) {
            List<PageItem> moved = new ArrayList<>(items.size());
            for (PageItem item : items) {
                moved.add(item.moved(dx, dy));
            }
            Grow g = grow == null ? null : new Grow(grow.weight(), grow.ink(), extra -> grow.taller().apply(extra)
                    .moved(dx, dy));
            return new VBox(height, moved, markers.stream().map(m -> m.moved(dy)).toList(), baseline, where, line,
                    header == null ? null : header.moved(dx, 0), g, kind);
        }

        VBox withMarkers(List<Marker> more) {
            List<Marker> all = new ArrayList<>(markers);
            all.addAll(more);
            return new VBox(height, items, all, baseline, where, line, header, grow, kind);
        }

        VBox withItems(List<PageItem> other) {
            return new VBox(height, other, markers, baseline, where, line, header, grow, kind);
        }

        VBox withHeader(VBox other) {
            return new VBox(height, items, markers, baseline, where, line, other, grow, kind);
        }

        VBox withGrow(Grow other) {
            return new VBox(height, items, markers, baseline, where, line, header, other, kind);
        }

        VBox withKind(String other) {
            return new VBox(height, items, markers, baseline, where, line, header, grow, other);
        }

        /** Whether the box shows anything or takes room (a bookmark's zero-height box does neither). */
        boolean visible() {
            return height > 0 || !items.isEmpty();
        }

        /**
         * This box as the first ({@code top}) and/or last ({@code foot}, reading going on
         * elsewhere) box of a page's column: a line box says so in its {@link PageItem.TextLine}.
         */
        VBox inColumn(boolean top, boolean foot) {
            if (line == null) {
                return this;
            }
            return withItems(items.stream()
                    .map(i -> i instanceof PageItem.TextLine t ? t.inColumn(top, foot) : i).toList());
        }
    }

    /**
     * How a box grows: its share ({@code weight}) of the space left at a page's foot (0: it only
     * stretches where its container is made taller), whether what grows is a picture
     * ({@code ink}; not empty space or a panel's fill), and the box made {@code extra} points taller.
     */
    record Grow(double weight, boolean ink, java.util.function.DoubleFunction<VBox> taller) {
    }

    /** Which line of which paragraph a line box is (for keeping lone lines out of columns' ends). */
    record TextLine(int paragraph, int index, int count, boolean heading) {
    }

    record VGlue(double height) implements VItem {
    }

    /** {@code cost >= INFINITY} forbids a break here; {@code <= -INFINITY} forces one; {@code page} forces a new page. */
    record VPenalty(double cost, boolean page) implements VItem {
        static VPenalty forbid() {
            return new VPenalty(INFINITY, false);
        }

        static VPenalty allow() {
            return new VPenalty(0, false);
        }
    }

    /** Blocks to be flowed through {@code count} columns (handled by the page composer). */
    record VColumns(int count, double gap, double columnWidth, List<VItem> items, SourceLocation where) implements VItem {
        public VColumns {
            items = List.copyOf(items);
        }
    }

    /**
     * A row whose cells break across columns and pages side by side (handled by the column
     * filler): each cell's vertical list, set {@code widths[i]} wide at {@code x[i]}, from
     * position {@code from[i]} on (what came before went into earlier columns).
     */
    record VSplitRow(List<List<VItem>> cells, int[] from, double[] x, SourceLocation where) implements VItem {
        public VSplitRow {
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    /** A page of absolutely placed frames (handled by the page composer). */
    record VFixedPage(Block.FixedPage page) implements VItem {
    }

    /**
     * A bookmark or link destination inside a box, {@code y} from the box's top. {@code level}
     * 0 is a section, 1 a heading within it; {@code id} names a destination (may be null).
     */
    record Marker(String title, int level, String id, double y) {
        Marker moved(double dy) {
            return new Marker(title, level, id, y + dy);
        }
    }
}
