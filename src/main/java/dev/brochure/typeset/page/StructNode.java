package dev.brochure.typeset.page;

import java.util.List;

/**
 * One element of the document's logical structure, as typesetting built it from the layout's
 * blocks in content order (the order a reader should hear them, which is not always the order
 * they are drawn: a sidebar comes after the text it accompanies). Drawn items name their element
 * by {@code id} ({@link Tag.Content}). {@code alt} is a figure's description or a link's (null
 * for none), {@code lang} a language that differs from the element's surroundings (a BCP 47
 * tag, null to inherit), {@code title} a section's title (null for none). Ids are unique in a
 * document; the root is the document itself.
 */
public record StructNode(int id, StructRole role, String alt, String lang, String title, List<StructNode> children) {

    public StructNode {
        children = List.copyOf(children);
    }

    /** A document with no structure below its root: what a hand-made page list gets. */
    public static StructNode document(String lang) {
        return new StructNode(0, StructRole.DOCUMENT, null, lang, null, List.of());
    }
}
