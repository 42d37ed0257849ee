package dev.brochure.typeset.page;

/**
 * What a drawn item is to a reader who cannot see the page: the content of one element of the
 * document's logical structure ({@link Content}, naming a {@link StructNode} by its id), or page
 * furniture that is no part of the content ({@link Artifact}: running footers, backgrounds,
 * decorative rules and boxes, crop marks). Typesetting decides it for every item it places; an
 * item built without one is {@link #NONE}, which the renderer makes content of the document's
 * root, so that nothing is hidden from a reader by mistake.
 */
public sealed interface Tag {

    /** Not decided: only items made outside typesetting's flow (by hand, in tests) have it. */
    Tag NONE = new Unset();

    /** The content of structure element {@code node} ({@link StructNode#id()}). */
    record Content(int node) implements Tag {
    }

    /** Not yet decided. */
    record Unset() implements Tag {
    }

    /** Page furniture, in the kinds a tagged PDF distinguishes. */
    enum Artifact implements Tag {
        /** Decoration of the layout: rules, the boxes behind panels and frames, decorative pictures. */
        LAYOUT,
        /** A page's background colour. */
        BACKGROUND,
        /** The running footer: page numbers, section and document titles. */
        FOOTER,
        /** Marks for production that are not on the trimmed page (crop marks). */
        PAGE
    }
}
