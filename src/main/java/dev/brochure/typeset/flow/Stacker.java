package dev.brochure.typeset.flow;

import dev.brochure.vocab.SourceLocation;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Stacks a vertical list into one box, for content that is never broken (panels, cells, frames). */
final class Stacker {

    private Stacker() {
    }

    static VItem.VBox stack(List<VItem> list, SourceLocation where,
            Function<VItem.VColumns, VItem.VBox> columns) {
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double y = 0;
        double end = 0;
        double baseline = Double.NaN;
        for (VItem v : list) {
            VItem.VBox box = switch (v) {
                case VItem.VBox b -> b;
                case VItem.VColumns c -> columns.apply(c);
                default -> null;
            };
            if (v instanceof VItem.VGlue g) {
                if (end > 0 || !items.isEmpty()) {
                    y += g.height();
                }
                continue;
            }
            if (box == null) {
                continue;
            }
            VItem.VBox placed = box.moved(0, y);
            items.addAll(placed.items());
            markers.addAll(placed.markers());
            if (Double.isNaN(baseline) && !Double.isNaN(box.baseline())) {
                baseline = y + box.baseline();
            }
            y += box.height();
            end = y;
        }
        return new VItem.VBox(end, items, markers, baseline, where);
    }
}
