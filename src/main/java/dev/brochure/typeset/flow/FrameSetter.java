package dev.brochure.typeset.flow;

import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Block;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.vocab.Length;
import java.util.List;
import java.util.Locale;

/**
 * Places the frames of a fixed page. Positions are measured from the trim box's top-left corner,
 * percentages of the page's width (x, width) or height (y, height). A frame marked {@code bleed}
 * is extended into the bleed on every side where it touches the trim edge.
 */
final class FrameSetter {

    private final BlockBuilder builder;
    private final Diagnostics diagnostics;

    FrameSetter(BlockBuilder builder, Diagnostics diagnostics) {
        this.builder = builder;
        this.diagnostics = diagnostics;
    }

    void place(Block.FixedPage page, PageDraft draft, double pageWidth, double pageHeight, double bleed) {
        for (Block.Frame frame : page.frames()) {
            Rect rect = bleedRect(frame, pageWidth, pageHeight, bleed);
            double innerWidth = rect.width() - frame.padding().horizontal();
            List<Block> blocks = frame.height() == null ? frame.blocks()
                    : frame.blocks().stream().map(b -> fillHeight(b, rect.height() - frame.padding().vertical())).toList();
            VItem.VBox content = builder.stacked(blocks, innerWidth, frame.where());
            double height = frame.height() == null ? content.height() + frame.padding().vertical() : rect.height();
            double free = height - frame.padding().vertical() - content.height();
            if (free > 0.01 && content.grow() != null) {
                // What the layout marked to grow takes the frame's free height.
                content = content.grow().taller().apply(free);
                free = 0;
            }
            if (free < -0.5) {
                diagnostics.error(frame.where(), String.format(Locale.ROOT,
                                "the content of a frame is %.0fpt tall but the frame holds only %.0fpt",
                                content.height(), height - frame.padding().vertical()),
                        "shorten the text, or make the frame taller in its layout");
            }
            if (frame.fill() != null) {
                draft.items.add(new PageItem.Box(new Rect(rect.x(), rect.y(), rect.width(), height), frame.fill(), null,
                        0, 0));
            }
            double dy = frame.padding().top() + switch (frame.valign()) {
                case TOP -> 0;
                case MIDDLE -> Math.max(0, free) / 2;
                case BOTTOM -> Math.max(0, free);
            };
            draft.place(content, rect.x() + frame.padding().left(), rect.y() + dy);
            draft.hasContent = true;
        }
    }

    /** An image whose height is a percentage of its frame gets that height in points. */
    private static Block fillHeight(Block block, double innerHeight) {
        if (block instanceof Block.Image i && i.height() != null && i.height().percent()) {
            return i.withHeight(Length.points(i.height().resolve(innerHeight)));
        }
        return block;
    }

    private static Rect bleedRect(Block.Frame frame, double pageWidth, double pageHeight, double bleed) {
        double x = frame.x().resolve(pageWidth);
        double y = frame.y().resolve(pageHeight);
        double w = frame.width().resolve(pageWidth);
        double h = frame.height() == null ? 0 : frame.height().resolve(pageHeight);
        if (!frame.bleed() || bleed <= 0) {
            return new Rect(x, y, w, h);
        }
        double left = x <= 0.01 ? bleed : 0;
        double top = y <= 0.01 ? bleed : 0;
        double right = x + w >= pageWidth - 0.01 ? bleed : 0;
        double bottom = frame.height() != null && y + h >= pageHeight - 0.01 ? bleed : 0;
        return new Rect(x - left, y - top, w + left + right, h + top + bottom);
    }
}
