package dev.brochure.testing;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;

/** The text a typeset line shows, as tests of line length and line ends read it. */
public final class LineText {

    private LineText() {
    }

    /** The characters of the glyph runs that stand on the line's baseline inside its measure. */
    public static String of(Page page, PageItem.TextLine line) {
        StringBuilder text = new StringBuilder();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.GlyphRun run && Math.abs(run.baseline() - line.baseline()) < 0.01
                    && run.x() >= line.x() - 6 && run.x() < line.x() + line.measure() + 1) {
                text.append(run.text());
            }
        }
        return text.toString().strip();
    }
}
