package dev.brochure.typeset.flow;

import dev.brochure.vocab.ImageRef;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Focus;
import dev.brochure.vocab.Length;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes an image block: its box from the width and height, aspect or the image's own proportions;
 * the picture scaled to cover the box (cropped by a clip) or to fit inside it; the caption below.
 */
final class ImageBox {

    private final TextSetter text;
    private final Diagnostics diagnostics;

    ImageBox(TextSetter text, Diagnostics diagnostics) {
        this.text = text;
        this.diagnostics = diagnostics;
    }

    VItem.VBox image(Block.Image block, double available) {
        return image(block, available, block);
    }

    /** The image block; its caption is a paragraph of {@code source}, the block as the layout gave it. */
    private VItem.VBox image(Block.Image block, double available, Block.Image source) {
        ImageRef image = block.image();
        double width = Math.min(available, block.width().resolve(available));
        if (block.height() != null && block.height().percent()) {
            diagnostics.error(block.where(), "an image height in percent only works inside a <frame> of fixed height",
                    "give the height as a length, or set aspect=\"3:2\"");
        }
        double height = block.height() != null && !block.height().percent() ? block.height().value()
                : width / (block.aspect() != null ? block.aspect() : image.aspectRatio());
        double x = switch (block.align() == null ? dev.brochure.vocab.Align.LEFT : block.align()) {
            case CENTER -> (available - width) / 2;
            case RIGHT -> available - width;
            default -> 0;
        };
        List<PageItem> items = new ArrayList<>();
        items.add(place(image, new Rect(x, 0, width, height), block.fit(), block.focus(), block.radius(), block.alt()));
        double y = height;
        if (!block.caption().isEmpty()) {
            y += block.captionStyle().spaceBefore();
            for (VItem.VBox line : text.lines(block.caption(), block.captionStyle(), null, width, source)) {
                items.addAll(line.moved(x, y).items());
                y += line.height();
            }
        }
        VItem.VBox box = new VItem.VBox(y, items, List.of(), Double.NaN, block.where()).withKind("image");
        if (block.grow() > 0) {
            box = box.withGrow(new VItem.Grow(block.grow(), true,
                    extra -> text.quietly(() -> taller(block, available, extra))));
        }
        return box;
    }

    /** The image block set {@code available} wide with its picture {@code extra} points taller than it would be. */
    VItem.VBox taller(Block.Image block, double available, double extra) {
        double width = Math.min(available, block.width().resolve(available));
        double height = block.height() != null && !block.height().percent() ? block.height().value()
                : width / (block.aspect() != null ? block.aspect() : block.image().aspectRatio());
        return image(block.withHeight(Length.points(height + extra)), available, block);
    }

    /**
     * The image drawn into {@code box}: covering it (and clipped to it) or contained in it, the
     * picture's {@code focus} placed at the same fraction of the box, so a crop keeps it in view.
     */
    static PageItem.PlacedImage place(ImageRef image, Rect box, Fit fit, Focus focus, double radius, String alt) {
        double sx = box.width() / image.pixelWidth();
        double sy = box.height() / image.pixelHeight();
        double scale = fit == Fit.COVER ? Math.max(sx, sy) : Math.min(sx, sy);
        double w = image.pixelWidth() * scale;
        double h = image.pixelHeight() * scale;
        double x = box.x() + (box.width() - w) * focus.x();
        double y = box.y() + (box.height() - h) * focus.y();
        boolean cropped = w > box.width() + 0.01 || h > box.height() + 0.01;
        Rect clip = cropped || radius > 0 ? (fit == Fit.COVER ? box : new Rect(x, y, w, h)) : null;
        return new PageItem.PlacedImage(image, x, y, w, h, clip, radius, alt);
    }
}
