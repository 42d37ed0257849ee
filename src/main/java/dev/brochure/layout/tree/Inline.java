package dev.brochure.layout.tree;

import dev.brochure.vocab.Rgb;

/** A piece of a paragraph's text: a run in one formatting, or a forced line break. */
public sealed interface Inline {

    /** {@code color} is null to use the paragraph style's colour; {@code href} null unless a link. */
    record Run(String text, boolean bold, boolean italic, String href, Rgb color) implements Inline {
    }

    record Break() implements Inline {
    }
}
