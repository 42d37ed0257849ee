package dev.brochure.typeset.flow;

import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A page being filled: its master, the section it belongs to, and what has been placed so far.
 * Boxes that flow are kept as placed ({@link #flow}) until the page is finished, so that what
 * grows can still take up the space left at its foot; then they become items.
 */
final class PageDraft {

    /** A bookmark or destination placed on a page. */
    record PlacedMarker(VItem.Marker marker, int pageIndex, double y) {
    }

    /**
     * A box of the flow at (x, y): in a single-column run ({@code single}, where it may grow),
     * whether glue stood between it and the box above it in its column ({@code gapBefore}), the
     * section it belongs to and how much its section lets each such gap grow ({@code feather}).
     */
    record Placed(VItem.VBox box, double x, double y, boolean single, boolean gapBefore, String section,
            double feather) {
        double bottom() {
            return y + box.height();
        }
    }

    final int index;
    final MasterSpec master;
    final String section;
    final String sectionTitle;
    final boolean fixed;
    final Rgb background;
    final List<PageItem> items = new ArrayList<>();
    final List<Placed> flow = new ArrayList<>();
    boolean hasContent;

    PageDraft(int index, MasterSpec master, String section, String sectionTitle, boolean fixed, Rgb background) {
        this.index = index;
        this.master = master;
        this.section = section;
        this.sectionTitle = sectionTitle;
        this.fixed = fixed;
        this.background = background;
    }

    /** Places a box with its top-left corner at (x, y) now; returns its markers as placed. */
    List<PlacedMarker> place(VItem.VBox box, double x, double y) {
        for (PageItem item : box.items()) {
            items.add(item.moved(x, y));
        }
        if (box.visible()) {
            hasContent = true;
        }
        return box.markers().stream().map(m -> new PlacedMarker(m, index, y + m.y())).toList();
    }

    /** Adds a box of the flow, to be placed when the page is finished. */
    void flow(Placed placed) {
        flow.add(placed);
        if (placed.box().visible()) {
            hasContent = true;
        }
    }
}
