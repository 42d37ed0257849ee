package dev.brochure.typeset.flow;

import dev.brochure.vocab.SourceLocation;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stacks a vertical list into one box, for content that is never broken (panels, cells, frames).
 * A stack with boxes that can grow can grow too: the extra height is shared among them by their
 * weights, and what lies below a growing box moves down.
 */
final class Stacker {

    private Stacker() {
    }

    static VItem.VBox stack(List<VItem> list, SourceLocation where,
            Function<VItem.VColumns, VItem.VBox> columns) {
        List<Object> parts = new ArrayList<>();
        for (VItem v : list) {
            switch (v) {
                case VItem.VBox b -> parts.add(b);
                case VItem.VColumns c -> parts.add(columns.apply(c));
                case VItem.VSplitRow r -> parts.add(SplitRows.whole(r));
                case VItem.VGlue g -> parts.add(g.height());
                default -> { }
            }
        }
        return place(parts, where);
    }

    /** Boxes and glue heights (Double) stacked from the top; leading and trailing glue take no room. */
    private static VItem.VBox place(List<Object> parts, SourceLocation where) {
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double y = 0;
        double end = 0;
        double baseline = Double.NaN;
        double weight = 0;
        int growing = 0;
        boolean ink = false;
        for (Object part : parts) {
            if (part instanceof Double glue) {
                if (end > 0 || !items.isEmpty()) {
                    y += glue;
                }
                continue;
            }
            VItem.VBox box = (VItem.VBox) part;
            VItem.VBox placed = box.moved(0, y);
            items.addAll(placed.items());
            markers.addAll(placed.markers());
            if (Double.isNaN(baseline) && !Double.isNaN(box.baseline())) {
                baseline = y + box.baseline();
            }
            if (box.grow() != null) {
                weight += box.grow().weight();
                ink |= box.grow().ink();
                growing++;
            }
            y += box.height();
            end = y;
        }
        VItem.VBox stacked = new VItem.VBox(end, items, markers, baseline, where);
        if (growing == 0) {
            return stacked;
        }
        // Boxes of weight 0 only stretch where their container is made taller (a lone photo in
        // an equal-height row); they share equally when nothing of weight is there.
        double total = weight;
        int count = growing;
        return stacked.withGrow(new VItem.Grow(weight, ink, extra -> {
            List<Object> grown = new ArrayList<>(parts.size());
            for (Object part : parts) {
                if (part instanceof VItem.VBox b && b.grow() != null && (total <= 0 || b.grow().weight() > 0)) {
                    double share = total > 0 ? b.grow().weight() / total : 1.0 / count;
                    grown.add(b.grow().taller().apply(extra * share));
                } else {
                    grown.add(part);
                }
            }
            return place(grown, where);
        }));
    }
}
