package dev.brochure.typeset.flow;

import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;

/** A page being filled: its master, the section it belongs to, and what has been placed so far. */
final class PageDraft {

    /** A bookmark or destination placed on a page. */
    record PlacedMarker(VItem.Marker marker, int pageIndex, double y) {
    }

    final int index;
    final MasterSpec master;
    final String section;
    final String sectionTitle;
    final boolean fixed;
    final Rgb background;
    final List<PageItem> items = new ArrayList<>();
    boolean hasContent;

    PageDraft(int index, MasterSpec master, String section, String sectionTitle, boolean fixed, Rgb background) {
        this.index = index;
        this.master = master;
        this.section = section;
        this.sectionTitle = sectionTitle;
        this.fixed = fixed;
        this.background = background;
    }

    /** Places a box with its top-left corner at (x, y); returns its markers as placed. */
    List<PlacedMarker> place(VItem.VBox box, double x, double y) {
        for (PageItem item : box.items()) {
            items.add(item.moved(x, y));
        }
        if (box.height() > 0 || !box.items().isEmpty()) {
            hasContent = true;
        }
        return box.markers().stream().map(m -> new PlacedMarker(m, index, y + m.y())).toList();
    }
}
