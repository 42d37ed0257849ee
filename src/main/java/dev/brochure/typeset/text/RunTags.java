package dev.brochure.typeset.text;

import dev.brochure.typeset.page.Tag;

/**
 * The tag of each part of a paragraph as it is set: the paragraph's own element for its text,
 * the link element for a link's text (and the link's clickable area), a span element for text in
 * another language. Line setting splits glyph runs where the tag changes.
 */
@FunctionalInterface
public interface RunTags {

    /** The tag of text that links to {@code href} (null: no link) in language {@code lang} (null: the paragraph's). */
    Tag of(String href, String lang);

    /** Every part of the paragraph tagged alike. */
    static RunTags all(Tag tag) {
        return (href, lang) -> tag;
    }
}
