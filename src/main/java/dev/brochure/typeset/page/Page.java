package dev.brochure.typeset.page;

import dev.brochure.vocab.Rgb;
import java.util.List;

/**
 * One finished page: its trim size, the bleed around it, its background colour (null for
 * paper) and its items in drawing order. {@code section} is the id of the section it belongs to.
 */
public record Page(int number, double width, double height, double bleed, Rgb background, List<PageItem> items,
        String section) {

    public Page {
        items = List.copyOf(items);
    }
}
