package dev.brochure.layout.tree;

import dev.brochure.vocab.Rgb;

/** A piece of a paragraph's text: a run in one formatting, or a forced line break. */
public sealed interface Inline {

    /**
     * {@code color} is null to use the paragraph style's colour; {@code href} null unless a link;
     * {@code lang} the language of a run in another language than the document's (a BCP 47 tag),
     * else null.
     */
    record Run(String text, boolean bold, boolean italic, String href, Rgb color, String lang) implements Inline {

        public Run(String text, boolean bold, boolean italic, String href, Rgb color) {
            this(text, bold, italic, href, color, null);
        }
    }

    record Break() implements Inline {
    }
}
