package dev.brochure.pipeline;

import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.Workspace;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Preflight: images placed at a lower effective resolution than the output needs. */
final class ImageResolution {

    private ImageResolution() {
    }

    /** The effective resolution of a placed image: its pixels over its printed size, the lower axis. */
    static double ppi(PageItem.PlacedImage image) {
        double x = image.image().pixelWidth() / (image.width() / 72.0);
        double y = image.image().pixelHeight() / (image.height() / 72.0);
        return Math.min(x, y);
    }

    static List<Diagnostic> below(List<Page> pages, int minPpi, boolean strict, Workspace workspace) {
        List<Diagnostic> found = new ArrayList<>();
        for (Page page : pages) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.PlacedImage image && ppi(image) < minPpi) {
                    String message = String.format(Locale.ROOT, "'%s' is placed on page %d at %.0f ppi, below %d ppi",
                            image.image().ref(), page.number(), ppi(image), minPpi);
                    String hint = "use a larger original, or place the image smaller";
                    SourceLocation where = workspace.where(image.image().path());
                    found.add(strict ? Diagnostic.error(where, message, hint) : Diagnostic.warning(where, message, hint));
                }
            }
        }
        return found;
    }
}
