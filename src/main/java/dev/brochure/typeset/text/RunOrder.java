package dev.brochure.typeset.text;

import java.util.List;

/**
 * Numbers the glyph runs of one paragraph in reading order as its lines are set, one after the
 * other ({@link dev.brochure.typeset.page.PageItem.GlyphRun#reading()}): 0, 1, 2, … along the
 * paragraph's text in logical order. A line holding right-to-left text is drawn in visual order,
 * so its runs are not drawn in the order they are read; the numbers let the tagged PDF list its
 * pieces (its text, a link, its text again) in reading order. Made for one paragraph and used
 * for its lines in order; a paragraph without right-to-left text, drawn in reading order, gets
 * none.
 */
public final class RunOrder {

    private int next;

    private RunOrder() {
    }

    /**
     * For the paragraph broken from {@code items}: numbers if any of its text is right to left (at
     * an odd level of the bidirectional algorithm, or in a right-to-left paragraph), else null.
     */
    public static RunOrder of(List<Item> items) {
        for (Item item : items) {
            boolean bidi = switch (item) {
                case Item.Box box -> box.fragments().stream().anyMatch(RunOrder::bidi);
                case Item.Glue glue -> glue.space() != null && bidi(glue.space());
                case Item.Penalty p -> p.hyphen() != null && bidi(p.hyphen());
            };
            if (bidi) {
                return new RunOrder();
            }
        }
        return null;
    }

    private static boolean bidi(Fragment f) {
        return f.level() != 0 || f.base() != 0;
    }

    /** The number of the next run, the runs coming in logical order. */
    int next() {
        return next++;
    }
}
