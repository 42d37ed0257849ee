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
     * {@code line} says the box is one line of a paragraph: then its items hold that line's
     * {@link PageItem.TextLine}.
     */
    record VBox(double height, List<PageItem> items, List<Marker> markers, double baseline, SourceLocation where,
            boolean line) implements VItem {
        public VBox {
            items = List.copyOf(items);
            markers = List.copyOf(markers);
        }

        VBox(double height, List<PageItem> items, List<Marker> markers, double baseline, SourceLocation where) {
            this(height, items, markers, baseline, where, false);
        }

        VBox moved(double dx, double dy) {
            List<PageItem> moved = new ArrayList<>(items.size());
            for (PageItem item : items) {
                moved.add(item.moved(dx, dy));
            }
            return new VBox(height, moved, markers.stream().map(m -> m.moved(dy)).toList(), baseline, where, line);
        }

        VBox withMarkers(List<Marker> more) {
            List<Marker> all = new ArrayList<>(markers);
            all.addAll(more);
            return new VBox(height, items, all, baseline, where, line);
        }

        VBox withItems(List<PageItem> other) {
            return new VBox(height, other, markers, baseline, where, line);
        }

        /**
         * This box as the first ({@code top}) and/or last ({@code foot}, reading going on
         * elsewhere) box of a page's column: a line box says so in its {@link PageItem.TextLine}.
         */
        VBox inColumn(boolean top, boolean foot) {
            if (!line) {
                return this;
            }
            return withItems(items.stream()
                    .map(i -> i instanceof PageItem.TextLine t ? t.inColumn(top, foot) : i).toList());
        }
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
